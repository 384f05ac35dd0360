import type { Command } from '../command';
import { countArgument, dateArgument, runCalendarCommand } from './calendar-shared';

const usage = 'calendar add-working-days DATE N';

export const calendarAddWorkingDaysCommand: Command = {
  name: 'calendar add-working-days',
  usage,
  summary: 'DATE 之后的第 N 个工作日（DATE 当日不计入，调休上班日计入）',
  run: (args) =>
    runCalendarCommand(usage, () => {
      const date = dateArgument(args[0]);
      const n = countArgument(args[1]);
      return (calendar) => calendar.addWorkingDays(date, n);
    }),
};
