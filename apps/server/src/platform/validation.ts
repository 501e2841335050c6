import type { z } from '@hono/zod-openapi';
import { fieldName, issueMessage, type TIssueLike, type TLocale } from '@kontor/contracts';
import { AppError } from './errors';

type TIssue = TIssueLike & { path: PropertyKey[]; keys?: string[] };

/** The validation error for a list of zod issues, each naming its field, in the reader's language. */
export function validationError(
  issues: readonly TIssue[],
  target = 'body',
  locale: TLocale = 'en',
): AppError {
  const fallback = target === 'json' ? 'body' : target;
  const name = (path: PropertyKey[]) => (path.length > 0 ? fieldName(path) : fallback);
  const fields = issues.flatMap((issue) =>
    // An unknown field is named itself, not its parent object.
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({
          field: name([...issue.path, key]),
          code: 'unknown_field',
          message: issueMessage(issue, locale),
        }))
      : [{ field: name(issue.path), code: issue.code, message: issueMessage(issue, locale) }],
  );
  return new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}

/** Parses input outside HTTP (command line, jobs) with the same errors as the API. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
