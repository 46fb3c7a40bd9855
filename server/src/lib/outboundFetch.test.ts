import { describe, expect, it } from 'vitest';
import { OutboundRefused, outboundFetch } from './outboundFetch.js';

describe('D8 server-side fetches only reach configured hosts', () => {
  it('D8 refuses loopback, link-local, private and unlisted hosts, other schemes and embedded credentials', async () => {
    const allowed = ['captcha.example.org'];
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/',
      'http://localhost/',
      'https://evil.example.com/',
      'file:///etc/passwd',
      'https://user:pw@captcha.example.org/',
    ]) {
      await expect(outboundFetch(url, allowed), url).rejects.toBeInstanceOf(OutboundRefused);
    }
  });
});
