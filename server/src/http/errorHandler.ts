import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

interface ErrorBody {
  error: { code: string; message: string; requestId: string; fields?: Record<string, string> };
}

/** Dotted field path from a JSON pointer like "/events/0/toDate". */
function fieldName(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

/** One error handler (H4): one error shape, generic 500s, request id, no stack or SQL to clients. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = String(request.id);
    const send = (
      status: number,
      body: Omit<ErrorBody['error'], 'requestId'> & { requestId?: string },
      headers?: Record<string, string>,
    ) => {
      if (headers) void reply.headers(headers);
      return reply.status(status).send({ error: { ...body, requestId } } satisfies ErrorBody);
    };

    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const issue of err.validation) {
        const base = fieldName(issue.instancePath);
        if (issue.keyword === 'unrecognized_keys') {
          const keys = (issue.params as { keys?: string[] }).keys ?? [];
          for (const k of keys) fields[base ? `${base}.${k}` : k] = 'unknown field';
        } else {
          fields[base || (err.validationContext ?? 'body')] ??= issue.message ?? 'is not valid';
        }
      }
      return send(400, { code: 'validation', message: 'Some fields are not valid.', requestId, fields });
    }
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'application error');
      return send(
        err.status,
        { code: err.code, message: err.message, requestId, ...(err.fields ? { fields: err.fields } : {}) },
        err.headers,
      );
    }
    // A number the database cannot hold (e.g. an id beyond 32 bits) is bad input, not a crash.
    if ((err as { code?: string }).code === '22003') {
      return send(400, { code: 'validation', message: 'A number is out of range.', requestId });
    }
    // Fastify's own client errors (bad JSON, body too large, wrong content type).
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(413, { code: 'payload_too_large', message: 'The request is too large.', requestId });
    }
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(415, { code: 'unsupported_media_type', message: 'Send JSON (application/json).', requestId });
    }
    if (status === 429) {
      return send(429, { code: 'rate_limited', message: 'Too many requests.', requestId });
    }
    if (status >= 400 && status < 500) {
      const message = err.code?.startsWith('FST_ERR_CTP') ? 'The request body is not valid JSON.' : 'Bad request.';
      return send(400, { code: 'validation', message, requestId });
    }
    request.log.error({ err }, 'unhandled error');
    return send(500, {
      code: 'internal',
      message: 'Something went wrong. Quote the request id when reporting it.',
      requestId,
    });
  });
}
