/**
 * The closed set of error codes. Each maps to one HTTP status; the message is Chinese and
 * shown to the user as is. Tests assert on codes, never on messages.
 */
export const errorCodes = {
  /** A field of the input is missing or malformed; `field` names it. */
  VALIDATION_FAILED: 400,
  /** The caller is not signed in, or the session has ended. */
  UNAUTHENTICATED: 401,
  /** Wrong user name or password. */
  INVALID_CREDENTIALS: 401,
  /** A second factor is required or was wrong. */
  SECOND_FACTOR_REQUIRED: 401,
  /** The session ended because it was idle too long. */
  SESSION_EXPIRED: 401,
  /** Signed in, but the role does not allow this. */
  FORBIDDEN: 403,
  /** The account is locked after repeated failures. */
  ACCOUNT_LOCKED: 403,
  /** The password must be changed before anything else. */
  PASSWORD_CHANGE_REQUIRED: 403,
  /** Not found, or outside the caller's scope (existence does not leak). */
  NOT_FOUND: 404,
  /** The record changed or already exists. */
  CONFLICT: 409,
  /** A procedure action is not allowed in the current state or its guard fails. */
  TRANSITION_FORBIDDEN: 409,
  /** A date computation reaches a year with no holiday data. */
  CALENDAR_YEAR_MISSING: 422,
  /** Too many requests. */
  RATE_LIMITED: 429,
  /** Anything unexpected; logged, with a generic message. */
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('FORBIDDEN', message);
export const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, field);
