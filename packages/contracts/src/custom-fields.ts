// Request bodies of custom fields, shared by the server (which validates them) and the web app
// (which validates the same way as the user types).
import { z } from 'zod';

export const CUSTOM_FIELD_ENTITIES = ['client', 'case'] as const;
export type TCustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'money',
  'date',
  'choice',
  'multi_choice',
  'yes_no',
] as const;
export type TCustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Types whose values are picked from the field's options; they need at least one. */
export const CHOICE_FIELD_TYPES: readonly TCustomFieldType[] = ['choice', 'multi_choice'];

export const ZCreateCustomFieldShape = z.object({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _; starts with a letter'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  required: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
});

/** Choice fields need options: the server re-adds this refine on its OpenAPI schema. */
export function choicesHaveOptions(f: { type: TCustomFieldType; options: string[] }): boolean {
  return !CHOICE_FIELD_TYPES.includes(f.type) || f.options.length > 0;
}
export const CHOICE_OPTIONS_ISSUE = { path: ['options'], message: 'choice fields need options' };

export const ZCreateCustomField = ZCreateCustomFieldShape.refine(choicesHaveOptions, CHOICE_OPTIONS_ISSUE);
export type TCreateCustomField = z.input<typeof ZCreateCustomField>;
