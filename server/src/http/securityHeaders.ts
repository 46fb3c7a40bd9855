import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isApiRequest } from './apiPath.js';

/** H1: strict CSP (no inline or eval'd scripts), HSTS, nosniff, no referrer, no caching of API answers. */
/** reCAPTCHA's widget is a script and a frame from Google; allowed only when the CAPTCHA is configured. */
const RECAPTCHA_SOURCES = ['https://www.google.com/recaptcha/', 'https://www.gstatic.com/recaptcha/'];

export async function registerSecurityHeaders(
  app: FastifyInstance,
  opts: { tileHosts: string[]; recaptcha?: boolean },
): Promise<void> {
  const captcha = opts.recaptcha ? RECAPTCHA_SOURCES : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...captcha],
        frameSrc: captcha.length ? captcha : ["'none'"],
        // Vuetify writes its theme into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...opts.tileHosts],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply) => {
    if (isApiRequest(request)) void reply.header('Cache-Control', 'no-store');
  });
}
