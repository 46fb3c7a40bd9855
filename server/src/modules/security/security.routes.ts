import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { revokeEverySession } from '../sessions/sessions.service.js';
import { switchMode, updateSecuritySettings } from './security.service.js';
import { getSecuritySettings, securityModes, securitySettingsSchema } from './securitySettings.js';

/** Admin security controls: settings, instance mode, ending every session. All need sudo mode (A8). */
export function securityRoutes(app: FastifyInstance, { db, config }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security'];
  const present = async () => ({
    ...(await getSecuritySettings(db)),
    captchaConfigured: config.recaptcha !== null,
    oidcConfigured: config.oidc !== null,
    reauthMinutes: config.reauthMinutes,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
  });
  r.get('/api/security/settings', { schema: { tags }, config: { access: 'admin' } }, present);
  r.post(
    '/api/security/settings',
    {
      schema: { body: securitySettingsSchema.omit({ mode: true }).partial(), tags },
      config: { access: 'admin', fresh: true },
    },
    async (request) => {
      await updateSecuritySettings(db, actorOf(request), request.body);
      return present();
    },
  );
  r.post(
    '/api/security/mode',
    {
      schema: { body: z.strictObject({ mode: z.enum(securityModes) }), tags },
      config: { access: 'admin', fresh: true, readOnlySafe: true },
    },
    async (request) => {
      await switchMode(db, actorOf(request), request.body.mode);
      return present();
    },
  );
  r.post(
    '/api/security/sessions/revoke-all',
    { schema: { tags }, config: { access: 'admin', fresh: true, readOnlySafe: true } },
    async (request) => ({ ended: await revokeEverySession(db, actorOf(request)) }),
  );
}
