import { z } from '@hono/zod-openapi';
import { LOCALES, USER_STATUSES, ZCreateUserBody, ZMoveUserBody, ZUpdateUserBody } from '@kontor/contracts';

export const ZUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    timeZone: z.string(),
    unitId: z.uuid().nullable(),
    status: z.enum(USER_STATUSES),
    roles: z.array(z.object({ id: z.uuid(), key: z.string().nullable(), name: z.string() })),
    secondFactor: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');
export type TUser = z.infer<typeof ZUser>;

// The request bodies are @kontor/contracts' (the web app checks the same as the user types),
// rebuilt here so each carries its OpenAPI name.
export const ZCreateUser = z.object(ZCreateUserBody.shape).openapi('CreateUser');
export type TCreateUser = z.output<typeof ZCreateUser>;
export const ZUpdateUser = z.object(ZUpdateUserBody.shape).openapi('UpdateUser');
export const ZMoveUser = z.object(ZMoveUserBody.shape).openapi('MoveUser');
