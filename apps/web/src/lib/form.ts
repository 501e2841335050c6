// A form checked as the user types against the server's own request schema (@kontor/contracts),
// in the user's language, with the server's field errors shown beside the same fields after a
// refused save. What the user typed stays in the form whatever the server answers.
import { fieldProblems } from '@kontor/contracts';
import { useState } from 'react';
import type { z } from 'zod';
import { currentLocale } from '../i18n';
import { ApiError } from './api';

export type TSchemaForm<V> = {
  values: V;
  /** Sets one field and marks it touched, so its problem shows from now on. */
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  /** The problem to show under a field: ours once touched (or after submit), else the server's. */
  error: (field: string) => string | undefined;
  /** True when the body passes the schema. */
  valid: boolean;
  /** Marks every field touched; true when the form may be sent. */
  submit: () => boolean;
  reset: (values?: V) => void;
};

function problemOf(problems: Record<string, string>, field: string): string | undefined {
  if (problems[field]) return problems[field];
  const nested = Object.keys(problems).find((key) => key.startsWith(`${field}.`));
  return nested ? problems[nested] : undefined;
}

/**
 * `toBody` turns what the form holds (strings of inputs) into the request body the server checks;
 * `serverError` is the failed mutation's error, whose field errors are shown until the field changes.
 */
export function useSchemaForm<V extends Record<string, unknown>>(
  schema: z.ZodType,
  initial: V,
  toBody: (values: V) => unknown,
  serverError?: unknown,
): TSchemaForm<V> {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [changedSinceError, setChanged] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [lastError, setLastError] = useState<unknown>(undefined);
  if (serverError !== lastError) {
    // A new answer from the server: its field errors show again on every field.
    setLastError(serverError);
    setChanged({});
  }
  const problems = fieldProblems(schema, toBody(values), currentLocale());
  return {
    values,
    set: (field, value) => {
      setValues((v) => ({ ...v, [field]: value }));
      setTouched((t) => ({ ...t, [field]: true }));
      setChanged((c) => ({ ...c, [field]: true }));
    },
    error: (field) => {
      const ours = touched[field] || submitted ? problemOf(problems, field) : undefined;
      if (ours) return ours;
      if (changedSinceError[field] || !(serverError instanceof ApiError)) return undefined;
      return serverError.fieldMessage(field);
    },
    valid: Object.keys(problems).length === 0,
    submit: () => {
      setSubmitted(true);
      return Object.keys(problems).length === 0;
    },
    reset: (next = initial) => {
      setValues(next);
      setTouched({});
      setSubmitted(false);
    },
  };
}
