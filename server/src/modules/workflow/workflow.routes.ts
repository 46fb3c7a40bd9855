import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/guard.js';
import type { ModuleDeps } from '../index.js';
import { RECORD_KIND_MODULES } from '../recordKinds.js';
import { REVIEW_ACTIONS } from '../records/records.policy.js';
import { recordIdParams } from '../records/records.schemas.js';
import { bulkBody, registerBulkJob, startBulkUpdate } from './workflow.bulk.js';
import { assignRecord, assignReviewer, finalizeRecord, reviewRecord, selfAssignRecord } from './workflow.service.js';
import { assignableUsers } from './workflow.users.js';

const userId = z.number().int().positive().max(2_147_483_647, 'is not a valid id');
const comment = z.string().trim().min(1, 'must not be empty').max(5000);
const assignBody = z.strictObject({ assignedTo: userId, comment });
const selfAssignBody = z.strictObject({ comment });
const reviewerBody = z.strictObject({ reviewer: userId, comment });
const reviewBody = z.strictObject({
  review: z.string().trim().min(1, 'must not be empty').max(100_000),
  reviewAction: z.enum(REVIEW_ACTIONS),
  comment: z.string().trim().max(5000).optional(),
});
const finalizeBody = z.strictObject({ comment });
const pickerQuery = z.strictObject({ q: z.string().trim().max(100).optional() });

/**
 * Review workflow for bulletins, actors and incidents (reference §4), enforced here:
 * assign / assign-reviewer (Moderator, Admin), self-assign (DA with canSelfAssign), review (the
 * assigned reviewer), finalize (Admin), and bulk updates as a background job.
 */
export function workflowRoutes(app: FastifyInstance, { db, jobWorker }: ModuleDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerBulkJob(jobWorker);
  for (const mod of Object.values(RECORD_KIND_MODULES)) {
    const base = `/api/${mod.plural}`;
    const tags = [mod.plural, 'workflow'];
    r.post(
      `${base}/:id/assign`,
      {
        schema: {
          params: recordIdParams,
          body: assignBody,
          tags,
          summary: `Assign the ${mod.noun} to an owner (status → Assigned). Moderator, Admin.`,
        },
        config: { access: 'vocabManager' },
      },
      (request) => assignRecord(db, actorOf(request), mod.kind, request.params.id, request.body),
    );
    r.post(
      `${base}/:id/self-assign`,
      {
        schema: {
          params: recordIdParams,
          body: selfAssignBody,
          tags,
          summary: `Take an unassigned ${mod.noun} (DA with canSelfAssign; Machine/Human Created → Assigned).`,
        },
        config: { access: 'recordWriter' },
      },
      (request) => selfAssignRecord(db, actorOf(request), mod.kind, request.params.id, request.body),
    );
    r.post(
      `${base}/:id/assign-reviewer`,
      {
        schema: {
          params: recordIdParams,
          body: reviewerBody,
          tags,
          summary: `Assign a peer reviewer (status → Peer Review Assigned; the owner cannot edit until reviewed). Moderator, Admin.`,
        },
        config: { access: 'vocabManager' },
      },
      (request) => assignReviewer(db, actorOf(request), mod.kind, request.params.id, request.body),
    );
    r.post(
      `${base}/:id/review`,
      {
        schema: {
          params: recordIdParams,
          body: reviewBody,
          tags,
          summary: `Submit the peer review (the assigned reviewer; status → Peer Reviewed).`,
        },
        config: { access: 'recordWriter' },
      },
      (request) => reviewRecord(db, actorOf(request), mod.kind, request.params.id, request.body),
    );
    r.post(
      `${base}/:id/finalize`,
      {
        schema: { params: recordIdParams, body: finalizeBody, tags, summary: `Finalize (Admin; status → Finalized).` },
        config: { access: 'admin' },
      },
      (request) => finalizeRecord(db, actorOf(request), mod.kind, request.params.id, request.body),
    );
    r.post(
      `${base}/bulk`,
      {
        schema: {
          body: bulkBody,
          tags,
          summary:
            `Bulk update ${mod.plural} as a background job → 202 {jobId}; poll GET /api/jobs/:id. Moderator, Admin; access groups Admin only.` +
            (mod.kind === 'incident'
              ? ' `propagate: {assignee, reviewer, groups}` also applies those to related actors and bulletins.'
              : ''),
        },
        config: { access: 'vocabManager' },
      },
      async (request, reply) =>
        reply.status(202).send({ jobId: await startBulkUpdate(db, actorOf(request), mod.kind, request.body) }),
    );
  }
  r.get(
    '/api/workflow/assignees',
    {
      schema: {
        querystring: pickerQuery,
        tags: ['workflow'],
        summary: 'Users who can own or review records (picker). Moderator, Admin.',
      },
      config: { access: 'vocabManager' },
    },
    (request) => assignableUsers(db, actorOf(request), request.query.q),
  );
}
