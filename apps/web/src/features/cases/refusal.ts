// What a refused stage move tells the user: one line per missing field or skipped stage, in
// their language. The server names fields by key and skipped stages only inside the message.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import type { TStageRef } from './types';

const FIELD_KEYS = [
  'amount',
  'purpose',
  'term',
  'lender',
  'product',
  'propertyValue',
  'platformReference',
  'lossReason',
  'contractStatus',
];

export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'stage_move_refused';
}

/** A required field's name in the user's language; keys the app does not know are shown as they are. */
export function fieldLabel(field: string, t: TFunction): string {
  const key = field.replace(/^body\./, '');
  return FIELD_KEYS.includes(key) ? t(`cases.fields.${key}`) : key;
}

export function refusalLines(error: ApiError, stages: TStageRef[], t: TFunction): string[] {
  const lines = error.fields.map((f) => {
    if (f.code === 'required') return t('cases.missingField', { field: fieldLabel(f.field, t) });
    if (f.code === 'skipped_stage') {
      const key = /^stage (\S+)/.exec(f.message)?.[1] ?? '';
      const stage = stages.find((s) => s.key === key)?.name ?? key;
      return t('cases.skippedStage', { stage });
    }
    return f.message;
  });
  return lines.length > 0 ? lines : [error.message];
}
