import { z } from '@hono/zod-openapi';
import { BRANCH_KINDS, UNIT_KINDS } from '@kontor/contracts';

export const ZUnit = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    kind: z.enum(UNIT_KINDS),
    branchKind: z.enum(BRANCH_KINDS).nullable(),
    name: z.string(),
    createdAt: z.string(),
  })
  .openapi('Unit');
export type TUnit = z.infer<typeof ZUnit>;

export const ZCreateUnit = z
  .object({
    parentId: z.uuid().nullable().default(null),
    kind: z.enum(UNIT_KINDS),
    branchKind: z
      .enum(BRANCH_KINDS)
      .optional()
      .openapi({ description: 'Required for branches: own, partner or franchise' }),
    name: z.string().trim().min(1).max(200),
  })
  .openapi('CreateUnit');

export const ZUpdateUnit = z
  .object({
    parentId: z.uuid().nullable(),
    branchKind: z.enum(BRANCH_KINDS),
    name: z.string().trim().min(1).max(200),
  })
  .partial()
  .openapi('UpdateUnit');
