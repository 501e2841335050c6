import { ownWords, type TErrorCode, type TFieldError, type TLocale, type TProblem } from '@kontor/contracts';
import { CommissionError } from '@kontor/domain';
import { messages } from './i18n';

const STATUS: Record<TErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  second_factor_required: 401,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  duplicate_client: 409,
  rate_limited: 429,
  token_invalid: 400,
  unit_not_empty: 409,
  invalid_hierarchy: 422,
  stage_move_refused: 422,
  commission_refused: 422,
  statement_final: 409,
  builtin_role: 409,
  retention_not_reached: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  database_busy: 503,
  internal: 500,
};

/** The one error type of Kontor: a stable code, optional detail and failing fields. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    readonly detail?: string,
    readonly fields?: TFieldError[],
    /** Further members of the problem document (RFC 9457 extensions), e.g. duplicate candidates. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.status = STATUS[code];
  }
}

/** A validation error naming one field. */
export function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ field, code, message }]);
}

export function notFound(what?: string): AppError {
  return new AppError('not_found', what ? `${what} not found` : undefined);
}

/** The RFC 9457 body for an error, its title in the reader's language. */
export function toProblem(error: AppError, locale: TLocale, requestId?: string): TProblem {
  return {
    type: `https://kontor.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: messages(locale).errors[error.code],
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    // A use-case's own field messages in the reader's language too (zod's are worded already).
    ...(error.fields?.length
      ? { errors: error.fields.map((f) => ({ ...f, message: ownWords(f.message, locale) })) }
      : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.extensions ?? {}),
  };
}

// PostgreSQL errors that are the caller's fault rather than ours.
const PG_CONFLICT = new Set(['23505', '23P01']);
const PG_INVALID = new Set(['23502', '23503', '23514', '22001', '22P02', '22007', '22008', '22003']);
const PG_BUSY = new Set(['40001', '40P01', '55P03', '57014']);

/** Maps a database error to an AppError where it is a known kind; undefined otherwise. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  const constraint = (error as { constraint?: string }).constraint;
  if (PG_CONFLICT.has(code))
    return new AppError('conflict', constraint ? `conflicts with ${constraint}` : undefined);
  if (PG_INVALID.has(code)) return new AppError('validation_failed', (error as Error).message);
  if (PG_BUSY.has(code)) return new AppError('database_busy');
  // Raised by the triggers that keep final statements final (migration 0010).
  if (code === 'KF001') return new AppError('statement_final', (error as Error).message);
  return undefined;
}

/** The commission arithmetic's refusals (no rate valid, payouts over income, …) as 422 problems. */
export function fromCommissionError(error: unknown): AppError | undefined {
  if (!(error instanceof CommissionError)) return undefined;
  return new AppError('commission_refused', error.message, undefined, { reason: error.code });
}
