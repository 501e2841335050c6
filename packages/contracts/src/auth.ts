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

/** The firm's short name in URLs and at sign-in. */
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 characters');
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const PASSWORD_MIN_LENGTH = 10;
export const ZPassword = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const ZPasswordResetRequest = z.object({ tenant: ZSlug, email: ZEmail });
export const ZPasswordResetConfirm = z.object({
  tenant: ZSlug,
  token: z.string().min(20).max(200),
  password: ZPassword,
});

/** Confirming a TOTP enrolment with a current code. */
export const ZTotpVerifyBody = z.object({ code: z.string().regex(/^\d{6}$/) });
/** Turning the second factor off: the password proves it is the user, not a stolen session. */
export const ZTotpDisableBody = z.object({ password: z.string().min(1).max(200) });
