import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import { codeBody, registrationResponse } from '../auth/auth.schemas.js';
import type { ModuleDeps } from '../index.js';
import {
  confirmTotpEnrolment,
  finishKeyRegistration,
  mfaStatus,
  regenerateRecoveryCodes,
  removeKey,
  removeTotp,
  renameKey,
  startKeyRegistration,
  startTotpEnrolment,
} from './enrolment.js';

// Bayanat's rule for device names: letters, digits, spaces, _ and -, up to 64.
const keyName = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'letters, digits, spaces, _ and - only');
const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647, 'is not a valid id') });

/** Managing one's own second factors (A6). Changes need a recent re-authentication (A8). */
export function mfaRoutes(app: FastifyInstance, { db, config }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mfa'];
  const enrol = { access: 'signedIn', allowIn: ['enrol'], fresh: true } as const;

  r.get('/api/auth/mfa', { schema: { tags }, config: { access: 'signedIn', allowIn: ['enrol'] } }, (request) =>
    mfaStatus(db, actorOf(request).id),
  );
  r.post('/api/auth/mfa/totp/setup', { schema: { tags }, config: enrol }, (request) =>
    startTotpEnrolment(db, config, actorOf(request)),
  );
  r.post('/api/auth/mfa/totp/confirm', { schema: { body: codeBody, tags }, config: enrol }, (request) =>
    confirmTotpEnrolment(db, config, actorOf(request), request.body.code),
  );
  r.post(
    '/api/auth/mfa/totp/remove',
    { schema: { tags }, config: { access: 'signedIn', fresh: true } },
    async (request) => {
      await removeTotp(db, actorOf(request));
      return mfaStatus(db, actorOf(request).id);
    },
  );
  // Recovery codes are shown only here, in the answer to a POST after re-authentication.
  r.post('/api/auth/mfa/recovery-codes', { schema: { tags }, config: enrol }, (request) =>
    regenerateRecoveryCodes(db, config, actorOf(request)),
  );
  r.post('/api/auth/mfa/webauthn/register/options', { schema: { tags }, config: enrol }, async (request) => ({
    options: await startKeyRegistration(db, config, actorOf(request)),
  }));
  r.post(
    '/api/auth/mfa/webauthn/register/verify',
    { schema: { body: z.strictObject({ name: keyName, response: registrationResponse }), tags }, config: enrol },
    (request) =>
      finishKeyRegistration(
        db,
        config,
        actorOf(request),
        request.body.name,
        request.body.response as RegistrationResponseJSON,
      ),
  );
  r.post(
    '/api/auth/mfa/webauthn/:id/rename',
    { schema: { params: idParams, body: z.strictObject({ name: keyName }), tags }, config: { access: 'signedIn' } },
    async (request) => {
      await renameKey(db, actorOf(request), request.params.id, request.body.name);
      return mfaStatus(db, actorOf(request).id);
    },
  );
  r.post(
    '/api/auth/mfa/webauthn/:id/remove',
    { schema: { params: idParams, tags }, config: { access: 'signedIn', fresh: true } },
    async (request) => {
      await removeKey(db, actorOf(request), request.params.id);
      return mfaStatus(db, actorOf(request).id);
    },
  );
}
