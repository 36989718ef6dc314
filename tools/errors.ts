/**
 * The one error type of Switchboard. Every failure a user can cause or see carries a code from a
 * closed set; the CLI and the HTTP API map the code once (here) to an exit code and a status.
 */
export const BILLING_ERROR_CODES = {
  // User errors: bad input or a request the data cannot satisfy (exit 2).
  INVALID_INPUT: { exit: 2, http: 400 },
  INVALID_TARIFF: { exit: 2, http: 422 },
  INVALID_CONFIG: { exit: 2, http: 422 },
  INVALID_CATALOG: { exit: 2, http: 422 },
  INVALID_ACCOUNTS: { exit: 2, http: 422 },
  UNSUPPORTED_FORMAT: { exit: 2, http: 400 },
  FILE_NOT_FOUND: { exit: 2, http: 404 },
  NOT_FOUND: { exit: 2, http: 404 },
  RATING_PLAN_NOT_FOUND: { exit: 2, http: 422 },
  UNAUTHORIZED_DESTINATION: { exit: 2, http: 422 },
  RATING_GAP: { exit: 2, http: 422 },
  UNAUTHORIZED: { exit: 2, http: 401 },
  FORBIDDEN: { exit: 2, http: 403 },
  CONFLICT: { exit: 2, http: 409 },
  // HTTP only: a method a path does not have, a body over the limit, too many attempts in a window.
  METHOD_NOT_ALLOWED: { exit: 2, http: 405 },
  PAYLOAD_TOO_LARGE: { exit: 2, http: 413 },
  RATE_LIMITED: { exit: 2, http: 429 },
  // The database file given cannot be used (not SQLite, corrupt, a folder, read-only): the user picks another.
  INVALID_DATABASE: { exit: 2, http: 500 },
  // An output path that cannot be written (no such folder, a folder, no permission).
  UNWRITABLE_OUTPUT: { exit: 2, http: 400 },
  // Internal errors: a defect or an environment failure (exit 1).
  INTERNAL: { exit: 1, http: 500 },
} as const;

export type BillingErrorCode = keyof typeof BILLING_ERROR_CODES;

/** A failure with a code from the closed set, safe to show to a user. */
export class BillingError extends Error {
  readonly code: BillingErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: BillingErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    // The cause (the error this one wraps) is kept for debugging; it is never shown to users.
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BillingError';
    this.code = code;
    this.details = details;
  }

  /** The JSON shape every interface prints: `{"error": {"code", "message"}}`. */
  toJSON(): { error: { code: BillingErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** Wraps anything thrown into a BillingError (unknown failures become INTERNAL), keeping what it wraps as the cause. */
export function toBillingError(err: unknown): BillingError {
  if (err instanceof BillingError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BillingError('INTERNAL', message, undefined, { cause: err });
}

/** True for errors the user can fix (exit 2); false for defects and environment failures. */
export function isUserError(err: BillingError): boolean {
  return BILLING_ERROR_CODES[err.code].exit === 2;
}

/** Process exit code for an error: 2 for user errors, 1 for internal ones. */
export function exitCodeFor(err: BillingError): number {
  return BILLING_ERROR_CODES[err.code].exit;
}

/** HTTP status for an error. */
export function httpStatusFor(err: BillingError): number {
  return BILLING_ERROR_CODES[err.code].http;
}
