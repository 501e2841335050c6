import { z } from '@hono/zod-openapi';
import { BRANCH_KINDS, UNIT_KINDS, ZCreateUnitBody, ZUpdateUnitBody } from '@kontor/contracts';

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

// The request bodies are @kontor/contracts' (the web app checks the same as the user types),
// rebuilt here so each carries its OpenAPI name.
export const ZCreateUnit = z.object(ZCreateUnitBody.shape).openapi('CreateUnit');
export const ZUpdateUnit = z.object(ZUpdateUnitBody.shape).openapi('UpdateUnit');
