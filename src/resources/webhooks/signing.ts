import { createHmac, randomBytes } from 'node:crypto'

// Standard Webhooks (https://www.standardwebhooks.com/): a symmetric secret is `whsec_`
// and the base64 of 24 to 64 random bytes; the HMAC key is those bytes, not the text.
export const SECRET_PREFIX = 'whsec_'
const SECRET = /^whsec_([A-Za-z0-9+/]+={0,2})$/

/** A new signing secret: 32 random bytes, as the spec's examples use. */
export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`
}

/** The key bytes of a secret, or undefined when it is not `whsec_` + canonical base64 of 24–64 bytes. */
export function secretKey(secret: string): Buffer | undefined {
  const match = SECRET.exec(secret)
  if (!match) return undefined
  const key = Buffer.from(match[1]!, 'base64')
  // Buffer.from ignores what it cannot decode; only a round trip proves the text was base64.
  if (key.toString('base64') !== match[1] || key.length < 24 || key.length > 64) return undefined
  return key
}

/** `v1,` + base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`, the webhook-signature value. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = secretKey(secret)
  if (!key) throw new Error('not a whsec_ secret')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/** The headers of one attempt: the id is stable across retries, the timestamp is this attempt's. */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  }
}
