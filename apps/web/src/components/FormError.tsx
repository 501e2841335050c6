// A form's error that no field shows: the whole message, so nothing the server said is lost.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { errorMessage } from './States';

/** The ApiError of a failed mutation, for `fieldMessage`; null for other failures. */
export function apiErrorOf(error: unknown): ApiError | null {
  return error instanceof ApiError ? error : null;
}

export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = apiErrorOf(error);
  const shown = (f: string) => fields.some((name) => f === name || f.endsWith(`.${name}`));
  // Field errors the form has no input for are said here, along with the message.
  const rest = api?.fields.filter((f) => !shown(f.field)) ?? [];
  if (api && api.fields.length > 0 && rest.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, t)}
      {rest.map((f) => (
        <div key={f.field}>
          {f.field}: {f.message}
        </div>
      ))}
    </Alert>
  );
}
