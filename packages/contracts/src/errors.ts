// Stable error codes of the API. Clients switch on `code`, never on the human text.

export const ERROR_CODES = [
  'validation_failed',
  'invalid_credentials',
  'second_factor_required',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'duplicate_client',
  'rate_limited',
  'token_invalid',
  'unit_not_empty',
  'invalid_hierarchy',
  'stage_move_refused',
  'commission_refused',
  'statement_final',
  'builtin_role',
  'retention_not_reached',
  'payload_too_large',
  'unsupported_media_type',
  'database_busy',
  'internal',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

export type TFieldError = { field: string; code: string; message: string };

/** RFC 9457 problem details as Kontor answers them. */
export type TProblem = {
  type: string;
  title: string;
  status: number;
  code: TErrorCode;
  detail?: string;
  errors?: TFieldError[];
  requestId?: string;
};
