import { describe, expect, it } from '@jest/globals';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

const SECRET = '0123456789abcdef-secret';
const BODY = '{"seq":1}';
const AT = 1_726_360_200;

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 as openssl computes it', () => {
    // printf '%s' '1726360200.{"seq":1}' | openssl dgst -sha256 -hmac '0123456789abcdef-secret'
    expect(webhookSignature(SECRET, AT, BODY)).toBe('sha256=9eba5f41bb79c66601ae4c4df86157fd270663bd5938bc871e9cfc7d6236e13a');
  });

  it.each<[string, string, string, string, number, boolean]>([
    ['the signed request', SECRET, String(AT), BODY, AT, true],
    ['a changed body', SECRET, String(AT), '{"seq":2}', AT, false],
    ['another secret', 'another-secret-entirely', String(AT), BODY, AT, false],
    ['a changed timestamp', SECRET, String(AT + 1), BODY, AT, false],
    ['a timestamp exactly 300 s old', SECRET, String(AT), BODY, AT + 300, true],
    ['a timestamp 301 s old (replayed)', SECRET, String(AT), BODY, AT + 301, false],
    ['a timestamp 301 s ahead', SECRET, String(AT), BODY, AT - 301, false],
    ['a timestamp that is not a number', SECRET, 'soon', BODY, AT, false],
  ])('verifies %s as %s', (_case, secret, timestamp, body, now, valid) => {
    const signature = webhookSignature(SECRET, AT, BODY);
    expect(verifyWebhookSignature(secret, timestamp, body, signature, now)).toBe(valid);
  });

  it('refuses a truncated signature without throwing', () => {
    expect(verifyWebhookSignature(SECRET, String(AT), BODY, webhookSignature(SECRET, AT, BODY).slice(0, 20), AT)).toBe(false);
  });
});
