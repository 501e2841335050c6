import { z } from '@hono/zod-openapi';
import type { TLocale } from '@kontor/contracts';
import { AppError } from './errors';

type TIssue = { path: PropertyKey[]; code: string; message: string; keys?: string[] };

const ZOD_LOCALES = { de: z.locales.de(), en: z.locales.en(), pl: z.locales.pl(), ru: z.locales.ru() };

// zod's own wording of an issue in the reader's language; our own (custom) messages stay as written.
function localised(issue: TIssue, locale: TLocale): string {
  if (issue.code === 'custom' || locale === 'en') return issue.message;
  const text = ZOD_LOCALES[locale].localeError(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}

/** The validation error for a list of zod issues, each naming its field, in the reader's language. */
export function validationError(
  issues: readonly TIssue[],
  target = 'body',
  locale: TLocale = 'en',
): AppError {
  const fallback = target === 'json' ? 'body' : target;
  const name = (path: PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : fallback);
  const fields = issues.flatMap((issue) =>
    // An unknown field is named itself, not its parent object.
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({
          field: name([...issue.path, key]),
          code: 'unknown_field',
          message: localised(issue, locale),
        }))
      : [{ field: name(issue.path), code: issue.code, message: localised(issue, locale) }],
  );
  return new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}

/** Parses input outside HTTP (command line, jobs) with the same errors as the API. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error.issues);
  return result.data;
}
