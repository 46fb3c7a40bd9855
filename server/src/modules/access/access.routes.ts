import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/guard.js';
import { appendActivity } from '../activity/activity.repo.js';
import type { ModuleDeps } from '../index.js';
import { accessSettingsSchema, getAccessSettings, saveAccessSettings } from './access.settings.js';

/**
 * Instance settings for access control: `GET /api/settings`, `POST /api/settings/update`
 * (Admin; sudo mode for changes, A8). Security settings live at /api/security/settings.
 */
export function accessRoutes(app: FastifyInstance, { db }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  r.get('/api/settings', { schema: { tags }, config: { access: 'admin' } }, () => getAccessSettings(db));
  r.post(
    '/api/settings/update',
    { schema: { body: accessSettingsSchema.partial(), tags }, config: { access: 'admin', fresh: true } },
    async (request) => {
      const actor = actorOf(request);
      const before = await getAccessSettings(db);
      const after = { ...before, ...request.body };
      await db.transaction(async (tx) => {
        await saveAccessSettings(tx, after, actor.id);
        await appendActivity(tx, {
          userId: actor.id,
          username: actor.username,
          ip: actor.ip,
          action: 'UPDATE',
          kind: 'settings',
          details: { key: 'access', before, after },
        });
      });
      return after;
    },
  );
}
