// The server's refusals of a commission action in the user's words: the arithmetic's reason
// (422 commission_refused), a field's code, or a conflict named for the action that met it.
import { COMMISSION_REFUSALS } from '@kontor/contracts';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../components/States';
import { ApiError } from '../../lib/api';

const FIELD_CODES = [
  'not_won',
  'required',
  'currency_mismatch',
  'too_large',
  'too_small',
  'before_win',
  'not_found',
  'income_line',
] as const;

export type TConflictOf = 'propose' | 'confirm' | 'split' | 'line';

/** One sentence for a failed commission action; undefined when nothing failed. */
export function refusalText(error: unknown, t: TFunction, conflict: TConflictOf): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return errorMessage(error, t);
  const reason = error.problem.reason;
  if (error.code === 'commission_refused') {
    return (COMMISSION_REFUSALS as readonly unknown[]).includes(reason)
      ? t(`commissions.refusals.${reason as string}`)
      : t('commissions.refusals.generic');
  }
  if (error.code === 'conflict') return t(`commissions.refusals.conflict.${conflict}`);
  const field = error.fields[0];
  if (field && (FIELD_CODES as readonly string[]).includes(field.code))
    return t(`commissions.refusals.fields.${field.code}`);
  return errorMessage(error, t);
}

/** A field's refusal translated by its code; the server's text where the code is not known here. */
export function fieldRefusal(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const f = error.fields.find((e) => e.field === field || e.field.endsWith(`.${field}`));
  if (!f) return undefined;
  return (FIELD_CODES as readonly string[]).includes(f.code)
    ? t(`commissions.refusals.fields.${f.code}`)
    : f.message;
}
