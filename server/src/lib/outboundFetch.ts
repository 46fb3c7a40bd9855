/**
 * D8: every server-side fetch goes through here and reaches only hosts the operator configured
 * (the CAPTCHA verify URL, the OIDC issuer). Redirects are refused so a configured host cannot
 * bounce the request to loopback or a private range.
 */
export class OutboundRefused extends Error {}

export async function outboundFetch(
  url: string,
  allowedHosts: readonly string[],
  init: RequestInit = {},
): Promise<Response> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new OutboundRefused(`not a URL: ${url}`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new OutboundRefused(`scheme refused: ${target.protocol}`);
  if (target.username || target.password) throw new OutboundRefused('credentials in URL refused');
  if (!allowedHosts.map((h) => h.toLowerCase()).includes(target.host.toLowerCase())) {
    throw new OutboundRefused(`host not configured: ${target.host}`);
  }
  return fetch(target, { ...init, redirect: 'error', signal: init.signal ?? AbortSignal.timeout(10_000) });
}

export const hostOf = (url: string): string => new URL(url).host;
