// Problems of the rows of a form's lists (stages, their sub-statuses, loss reasons), which
// useSchemaForm's top-level `set` cannot mark touched one by one: ours show once a row's field is
// typed in (or after submit); the server's until a list changes, as a reorder moves the rows its
// field paths (`stages.2.kind`) name.
import { fieldProblems } from '@kontor/contracts';
import { useState } from 'react';
import type { z } from 'zod';
import { apiErrorOf } from '../../components/FormError';
import { currentLocale } from '../../i18n';

export function useRowErrors(schema: z.ZodType, body: unknown, serverError: unknown) {
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [listsEdited, setListsEdited] = useState(false);
  const [answer, setAnswer] = useState<unknown>(undefined);
  if (serverError !== answer) {
    setAnswer(serverError);
    setListsEdited(false);
  }
  const problems = fieldProblems(schema, body, currentLocale());
  const serverAt = (path: string) =>
    listsEdited ? undefined : apiErrorOf(serverError)?.fields.find((f) => f.field === path)?.message;
  return {
    errorAt: (path: string) =>
      (touched.has(path) || submitted ? problems[path] : undefined) ?? serverAt(path),
    /** A list's own problem (no won stage, too few stages), not the first of its rows'. */
    listError: (path: string) => problems[path] ?? serverAt(path),
    touch: (path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))),
    listsChanged: () => setListsEdited(true),
    submitted: () => setSubmitted(true),
  };
}
