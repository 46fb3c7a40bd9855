import type { RecaptchaConfig } from '../../config.js';
import { hostOf, outboundFetch } from '../../lib/outboundFetch.js';

/** A5: asks the configured reCAPTCHA verify endpoint whether the answer is good (server-side only). */
export async function verifyCaptcha(config: RecaptchaConfig, answer: string, ip: string): Promise<boolean> {
  const body = new URLSearchParams({ secret: config.secret, response: answer, remoteip: ip });
  try {
    const res = await outboundFetch(config.verifyUrl, [hostOf(config.verifyUrl)], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (!res.ok) return false;
    const data = (await res.json()) as { success?: unknown };
    return data.success === true;
  } catch {
    // An unreachable verifier must not let the sign-in through.
    return false;
  }
}
