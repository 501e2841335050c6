// Request bodies of sign-in, shared by the server (which validates them) and the web app (which
// validates the same way as the user types).
import { z } from 'zod';

export const ZLoginBody = z.object({
  tenant: z.string().trim().min(1).max(63),
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  recoveryCode: z.string().min(6).max(40).optional(),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;
