import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import type { OidcConfig } from '../../config.js';
import { hostOf, outboundFetch } from '../../lib/outboundFetch.js';

/**
 * A7: a minimal OpenID Connect relying party (authorization code flow with PKCE). Signatures are
 * checked with node:crypto (JWK import + RS256 verify); every fetch stays on configured hosts (D8).
 */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

export class OidcError extends Error {}

const allowedHosts = (config: OidcConfig) => [hostOf(config.issuer), ...config.extraHosts];
const cache = new Map<string, { at: number; discovery: Discovery; keys: JsonWebKey[] }>();
const CACHE_MS = 10 * 60_000;

async function getJson<T>(config: OidcConfig, url: string, init?: RequestInit): Promise<T> {
  const res = await outboundFetch(url, allowedHosts(config), init);
  if (!res.ok) throw new OidcError(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

async function provider(
  config: OidcConfig,
  refreshKeys = false,
): Promise<{ discovery: Discovery; keys: JsonWebKey[] }> {
  const hit = cache.get(config.issuer);
  if (hit && !refreshKeys && Date.now() - hit.at < CACHE_MS) return hit;
  const discovery = await getJson<Discovery>(config, `${config.issuer}/.well-known/openid-configuration`);
  if (discovery.issuer.replace(/\/$/, '') !== config.issuer) throw new OidcError('discovery names another issuer');
  const { keys } = await getJson<{ keys: JsonWebKey[] }>(config, discovery.jwks_uri);
  const entry = { at: Date.now(), discovery, keys };
  cache.set(config.issuer, entry);
  return entry;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

export async function authorizationUrl(config: OidcConfig, redirectUri: string): Promise<AuthorizationStart> {
  const { discovery } = await provider(config);
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: 'openid email',
    state,
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    prompt: 'select_account',
  }).toString();
  return { url: url.toString(), state, nonce, verifier };
}

export interface IdentityClaims {
  sub: string;
  email: string;
}

function decodePart<T>(part: string | undefined): T {
  if (!part) throw new OidcError('malformed token');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as T;
}

async function verifyIdToken(config: OidcConfig, idToken: string, nonce: string): Promise<IdentityClaims> {
  const [h, p, s] = idToken.split('.');
  const header = decodePart<{ alg?: string; kid?: string }>(h);
  if (header.alg !== 'RS256') throw new OidcError('unexpected signing algorithm');
  let { keys } = await provider(config);
  let jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) {
    keys = (await provider(config, true)).keys;
    jwk = keys.find((k) => k.kid === header.kid);
  }
  if (!jwk || jwk.kty !== 'RSA') throw new OidcError('unknown signing key');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  if (!s || !verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')))
    throw new OidcError('bad signature');
  const c = decodePart<Record<string, unknown>>(p);
  const now = Date.now() / 1000;
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (String(c.iss).replace(/\/$/, '') !== config.issuer) throw new OidcError('wrong issuer');
  if (!aud.includes(config.clientId)) throw new OidcError('wrong audience');
  if (typeof c.exp !== 'number' || c.exp < now - 60) throw new OidcError('token expired');
  if (c.nonce !== nonce) throw new OidcError('nonce mismatch');
  if (typeof c.sub !== 'string' || !c.sub) throw new OidcError('no subject');
  if (c.email_verified !== true || typeof c.email !== 'string') throw new OidcError('e-mail not verified');
  const domain = c.email.split('@').pop()?.toLowerCase() ?? '';
  if (!config.allowedDomains.includes(domain)) throw new OidcError('e-mail domain not allowed');
  return { sub: c.sub, email: c.email.toLowerCase() };
}

/** Exchanges the authorization code (with the PKCE verifier) and verifies the ID token. */
export async function redeemCode(
  config: OidcConfig,
  redirectUri: string,
  code: string,
  verifier: string,
  nonce: string,
): Promise<IdentityClaims> {
  const { discovery } = await provider(config);
  const tokens = await getJson<{ id_token?: string }>(config, discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: config.clientId,
      client_secret: config.clientSecret,
      code_verifier: verifier,
    }),
  });
  if (!tokens.id_token) throw new OidcError('no id_token');
  return verifyIdToken(config, tokens.id_token, nonce);
}
