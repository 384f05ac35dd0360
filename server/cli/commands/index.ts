import type { Command } from '../command';
import { auditVerifyCommand } from './audit-verify';
import { calendarAddWorkingDaysCommand } from './calendar-add-working-days';
import { calendarIsWorkingDayCommand } from './calendar-is-working-day';
import { calendarPeriodEndCommand } from './calendar-period-end';
import { documentSampleCommand } from './document-sample';
import { lawCiteCommand } from './law-cite';
import { lawImportCommand } from './law-import';
import { migrateCommand } from './migrate';
import { orgAddCommand } from './org-add';
import { seedCommand } from './seed';
import { serveCommand } from './serve';
import { spotcheckVerifyCommand } from './spotcheck-verify';
import { userAddCommand } from './user-add';
import { userResetPasswordCommand } from './user-reset-password';
import { userResetTotpCommand } from './user-reset-totp';

/** Every CLI command; one line each. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  auditVerifyCommand,
  calendarAddWorkingDaysCommand,
  calendarIsWorkingDayCommand,
  calendarPeriodEndCommand,
  documentSampleCommand,
  lawImportCommand,
  lawCiteCommand,
  orgAddCommand,
  spotcheckVerifyCommand,
  userAddCommand,
  userResetPasswordCommand,
  userResetTotpCommand,
];
