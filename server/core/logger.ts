import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; one logger for the process, children per request. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'fazhi' }, timestamp: pino.stdTimeFunctions.isoTime });
}
