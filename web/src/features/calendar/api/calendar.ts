import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  calendarYearDetailSchema,
  calendarYearListSchema,
  calendarYearSavedSchema,
  type CalendarYearInput,
} from '../../../../../contracts/calendar';
import { requestJson } from '../../../lib/api-client';

export function useCalendarYears() {
  return useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => requestJson(calendarYearListSchema, '/api/calendar/years'),
  });
}

export function useCalendarYear(year: number | null) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: () => requestJson(calendarYearDetailSchema, `/api/calendar/years/${String(year)}`),
    enabled: year !== null,
  });
}

/** Enters or corrects one year's holidays; open deadlines it touches are recomputed by the server. */
export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number; body: CalendarYearInput }) =>
      requestJson(calendarYearSavedSchema, `/api/calendar/years/${String(input.year)}`, {
        method: 'PUT',
        body: input.body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
