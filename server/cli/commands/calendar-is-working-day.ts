import type { Command } from '../command';
import { dateArgument, runCalendarCommand } from './calendar-shared';

const usage = 'calendar is-working-day DATE';

export const calendarIsWorkingDayCommand: Command = {
  name: 'calendar is-working-day',
  usage,
  summary: 'DATE 是否为工作日（输出 true 或 false；节假日或调休时第二行写明名称）',
  run: (args) =>
    runCalendarCommand(usage, () => {
      const date = dateArgument(args[0]);
      return (calendar) => {
        const exception = calendar.exceptionOn(date);
        const answer = String(calendar.isWorkingDay(date));
        return exception
          ? `${answer}\n${exception.kind === 'holiday' ? '放假' : '调休上班'}：${exception.name}`
          : answer;
      };
    }),
};
