// The refusal of a commission action that no input of its form shows, in the user's words.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { refusalText, type TConflictOf } from './refusal';

/** The refusal no input shows: a conflict, the arithmetic's reason, a field the form lacks. */
export function RefusalOf({
  error,
  fields,
  conflict = 'line',
}: {
  error: unknown;
  fields: string[];
  conflict?: TConflictOf;
}) {
  const { t } = useTranslation();
  const text = refusalText(error, t, conflict);
  if (!text) return null;
  const covered = (f: string) => fields.some((n) => f === n || f.startsWith(`${n}.`) || f.endsWith(`.${n}`));
  if (error instanceof ApiError && error.fields.length > 0 && error.fields.every((f) => covered(f.field)))
    return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {text}
    </Alert>
  );
}
