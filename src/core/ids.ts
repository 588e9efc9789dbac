import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lowercase

/**
 * A new opaque id: a type prefix, then 26 characters (48 bits of milliseconds, 80 random
 * bits) so ids sort by creation time and tell a reader what they name.
 */
export function newId(prefix: 'art' | 'aut' | 'src' | 'quo' | 'tag' | 'key' | 'cor' | 'whk' | 'msg', now = Date.now()): string {
  let out = ''
  for (let i = 9; i >= 0; i--) out += ALPHABET[Math.floor(now / 2 ** (5 * i)) % 32]
  for (const byte of randomBytes(16)) out += ALPHABET[byte % 32]
  return `${prefix}_${out}`
}
