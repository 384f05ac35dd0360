import type { Command } from '../command';
import { auditVerifyCommand } from './audit-verify';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';

/** Every CLI command; one line each. */
export const commands: Command[] = [serveCommand, migrateCommand, auditVerifyCommand];
