import type { Command } from '../command';
import { countArgument, dateArgument, runCalendarCommand } from './calendar-shared';

const usage = 'calendar period-end DATE N';

export const calendarPeriodEndCommand: Command = {
  name: 'calendar period-end',
  usage,
  summary:
    'DATE 加 N 日的期间届满日，届满日为休息日或法定节假日的顺延至其后第一个工作日（民事诉讼法第八十五条）',
  run: (args) =>
    runCalendarCommand(usage, () => {
      const date = dateArgument(args[0]);
      const n = countArgument(args[1]);
      return (calendar) => calendar.periodEnd(date, n);
    }),
};
