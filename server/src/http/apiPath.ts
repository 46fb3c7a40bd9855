import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is for the API. Decided on the route Fastify matched (its pattern, decoded),
 * never on the raw URL: `/%61pi/users` reaches the `/api/users` handler, so a raw-URL test would
 * let it skip the session, guard and headers meant for the API.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const matched = request.routeOptions.url;
  if (matched !== undefined) return matched.startsWith('/api/');
  // No route matched (404 handler): look at the decoded path.
  const path = request.url.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true; // undecodable: treat as an API call, which answers 404 rather than the web app
  }
  return decoded.startsWith('/api/') || decoded === '/api';
}
