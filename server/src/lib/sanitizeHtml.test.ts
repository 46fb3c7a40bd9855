import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './sanitizeHtml.js';

describe('sanitizeRichText (D5)', () => {
  it('keeps the allowed formatting', () => {
    const html =
      '<p dir="rtl">نص <strong>غامق</strong> <em>x</em></p><ul><li>a</li></ul><table><tbody><tr><td>1</td></tr></tbody></table>';
    expect(sanitizeRichText(html)).toBe(html);
  });
  it.each([
    ['<script>alert(1)</script>ok', 'ok'],
    ['<img src=x onerror="alert(1)">', '<img src="x" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['<iframe src="https://evil"></iframe>t', 't'],
    ['<p style="color:red;position:fixed">x</p>', '<p>x</p>'],
    ['<p style="color:#ff0000">x</p>', '<p style="color:#ff0000">x</p>'],
    ['<svg><script>1</script></svg>y', 'y'],
    [
      '<a href="https://example.org" onclick="x()">l</a>',
      '<a href="https://example.org" rel="noopener noreferrer nofollow">l</a>',
    ],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });
});
