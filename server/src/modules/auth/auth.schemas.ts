import { z } from 'zod';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'required').max(128),
  password: z.string().min(1, 'required').max(1024),
  /** reCAPTCHA answer, only when a previous answer was `captcha_required`. */
  captcha: z.string().min(1).max(4096).optional(),
});

export const codeBody = z.strictObject({ code: z.string().trim().min(1, 'required').max(64) });

const b64url = z
  .string()
  .max(32_768)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'must be base64url');
const common = {
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

/** A browser's `navigator.credentials.create()` answer, as @simplewebauthn/browser serialises it. */
export const registrationResponse = z.strictObject({
  ...common,
  response: z.strictObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
});

/** A browser's `navigator.credentials.get()` answer. */
export const authenticationResponse = z.strictObject({
  ...common,
  response: z.strictObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

export const webauthnVerifyBody = z.strictObject({ response: authenticationResponse });

export const reauthBody = z.strictObject({
  password: z.string().min(1, 'required').max(1024),
  code: z.string().trim().min(1).max(64).optional(),
  recoveryCode: z.string().trim().min(1).max(64).optional(),
  webauthn: authenticationResponse.optional(),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(1024),
  newPassword: z.string().min(1, 'required').max(1024),
});
