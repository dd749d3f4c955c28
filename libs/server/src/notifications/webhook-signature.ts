import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unix seconds of the delivery attempt; part of what is signed, so a captured request cannot be replayed later. */
export const TIMESTAMP_HEADER = 'x-hydro-timestamp';
/** `sha256=<hex>`: HMAC-SHA256 with the webhook's secret over `<timestamp>.<body>`. */
export const SIGNATURE_HEADER = 'x-hydro-signature';

/** The signature header's value for one attempt. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * What a receiver does (and the specs do): recompute and compare in constant time, and refuse a
 * timestamp further than `toleranceSeconds` from its own clock.
 */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
