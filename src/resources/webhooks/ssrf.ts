import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { Agent, buildConnector } from 'undici'

/**
 * Why an address must not be called from inside our network, or undefined when it is a
 * public unicast address. Partners choose webhook URLs, so without this a URL could make
 * the server POST to its own loopback, the LAN, or a cloud metadata service. With
 * `allowPrivate` (ALLOW_PRIVATE_WEBHOOKS) loopback and private addresses pass, but never
 * link-local or cloud metadata ones: those hand out the machine's own credentials.
 */
export function forbiddenReason(address: string, allowPrivate = false): string | undefined {
  const family = isIP(address)
  if (family === 0) return 'not an IP address'
  if (allowPrivate) return family === 4 ? metadataV4Reason(v4Bytes(address)) : metadataV6Reason(v6Bytes(address))
  return family === 4 ? v4Reason(v4Bytes(address)) : v6Reason(v6Bytes(address))
}

type Range = [bytes: number[], prefix: number, reason: string]

// RFC 6890 and the IANA special-purpose registry: everything not globally reachable.
const V4: Range[] = [
  [[0, 0, 0, 0], 8, 'a "this network" address'],
  [[10, 0, 0, 0], 8, 'a private address'],
  [[100, 64, 0, 0], 10, 'a carrier-grade NAT address'],
  [[127, 0, 0, 0], 8, 'a loopback address'],
  [[169, 254, 0, 0], 16, 'a link-local address (cloud metadata lives here)'],
  [[172, 16, 0, 0], 12, 'a private address'],
  [[192, 0, 0, 0], 24, 'an IETF protocol address'],
  [[192, 0, 2, 0], 24, 'a documentation address'],
  [[192, 88, 99, 0], 24, 'a 6to4 relay address'],
  [[192, 168, 0, 0], 16, 'a private address'],
  [[198, 18, 0, 0], 15, 'a benchmarking address'],
  [[198, 51, 100, 0], 24, 'a documentation address'],
  [[203, 0, 113, 0], 24, 'a documentation address'],
  [[224, 0, 0, 0], 4, 'a multicast address'],
  [[240, 0, 0, 0], 4, 'a reserved or broadcast address'],
]

// Only global unicast (2000::/3) is allowed, less these; IPv4 inside IPv6 is judged as IPv4.
const V6: Range[] = [
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'a documentation address'],
  [[0x20, 0x01, 0x00, 0x00], 23, 'an IETF protocol address (Teredo and others)'],
  [[0x3f, 0xff], 20, 'a documentation address'],
]

function inRange(bytes: number[], [base, prefix]: Range): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const i = bit / 8
    const bits = Math.min(8, prefix - bit)
    const mask = (0xff << (8 - bits)) & 0xff
    if (((bytes[i] ?? 0) & mask) !== ((base[i] ?? 0) & mask)) return false
  }
  return true
}

function v4Reason(bytes: number[]): string | undefined {
  return V4.find((range) => inRange(bytes, range))?.[2]
}

/** The IPv4 address an IPv6 one reaches, when it embeds one. */
function embeddedV4(b: number[]): number[] | undefined {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0)
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they embed.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12, 16)
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return b.slice(12, 16)
  // 6to4 carries an IPv4 address in bits 16 to 48.
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6)
  return undefined
}

function v6Reason(b: number[]): string | undefined {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0)
  const v4 = embeddedV4(b)
  if (v4) return embedded(v4, v4Reason)
  if (zeros(0, 15) && b[15] === 1) return 'a loopback address'
  if (zeros(0, 16)) return 'the unspecified address'
  if (b[0] === 0xff) return 'a multicast address'
  if ((b[0]! & 0xfe) === 0xfc) return 'a unique local (private) address'
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'a link-local address'
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'a site-local address'
  if ((b[0]! & 0xe0) !== 0x20) return 'not a global unicast address'
  return V6.find((range) => inRange(b, range))?.[2]
}

function embedded(v4: number[], judge: (bytes: number[]) => string | undefined): string | undefined {
  const reason = judge(v4)
  return reason && `${reason} (as IPv4 ${v4.join('.')})`
}

// Refused even where private addresses are allowed. Cloud metadata services answer on
// link-local addresses (169.254.169.254 on AWS, GCP, Azure, Oracle; 169.254.0.23 on
// Tencent), on fd00:ec2::254 (AWS over IPv6) and on 100.100.100.200 (Alibaba).
const METADATA_V4: Range[] = [
  [[169, 254, 0, 0], 16, 'a link-local address (cloud metadata lives here)'],
  [[100, 100, 100, 200], 32, 'a cloud metadata address'],
]
const METADATA_V6: Range[] = [
  [[0xfe, 0x80], 10, 'a link-local address'],
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'a cloud metadata address (AWS)'],
]

function metadataV4Reason(bytes: number[]): string | undefined {
  return METADATA_V4.find((range) => inRange(bytes, range))?.[2]
}

function metadataV6Reason(b: number[]): string | undefined {
  // IPv4-compatible ::a.b.c.d too: deprecated, but nothing is lost by judging what it embeds.
  const v4 = embeddedV4(b) ?? (b.slice(0, 12).every((x) => x === 0) ? b.slice(12, 16) : undefined)
  if (v4) return embedded(v4, metadataV4Reason)
  return METADATA_V6.find((range) => inRange(b, range))?.[2]
}

function v4Bytes(address: string): number[] {
  return address.split('.').map(Number)
}

function v6Bytes(address: string): number[] {
  let text = address.split('%', 1)[0]!
  // A trailing dotted quad (::ffff:10.0.0.1) becomes two hextets.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (quad) {
    const [a, b, c, d] = v4Bytes(quad[1]!)
    text = `${text.slice(0, -quad[1]!.length)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const hextets = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return hextets.flatMap((h) => {
    const n = parseInt(h, 16)
    return [n >> 8, n & 0xff]
  })
}

/** A connection refused because of where it would go; its message says why. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError'
  readonly code = 'ERR_WEBHOOK_FORBIDDEN_ADDRESS'
}

/** The host of a URL (brackets stripped) as an IP literal, or undefined for a name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  return isIP(bare) ? bare : undefined
}

/**
 * Why a webhook URL's host is refused at registration, or undefined. Only what the URL
 * itself says is judged here (IP literals and `localhost`); a name may resolve anywhere,
 * and may resolve elsewhere later, so the connect-time check is the real guard.
 */
export function registrationProblem(url: URL, allowPrivate = false): string | undefined {
  const ip = ipLiteral(url.hostname)
  if (ip) {
    const reason = forbiddenReason(ip, allowPrivate)
    return reason && `${ip} is ${reason}`
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '')
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return `${host} is a loopback name`
  return undefined
}

/**
 * dns.lookup, refusing the connection when any address the name resolves to is forbidden
 * (as forbiddenReason judges it, with `allowPrivate`): judging the addresses actually
 * connected to defeats DNS rebinding and names that point inside (`localhost`,
 * `metadata.google.internal`, a partner's record set to 10.0.0.5).
 */
export function guardLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0)
      const bad = addresses.map((a) => [a.address, forbiddenReason(a.address, allowPrivate)] as const).find(([, reason]) => reason)
      if (bad) return callback(new ForbiddenAddressError(`${hostname} resolves to ${bad[0]}, ${bad[1]}; refused`), '', 0)
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }), '', 0)
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses)
      const first = addresses[0]!
      callback(null, first.address, first.family)
    })
  }
}

/** The lookup of deliveries to public addresses only. */
export const guardedLookup: LookupFunction = guardLookup(false)

export type AgentOptions = {
  /** Let deliveries reach private and loopback addresses (tests, private deployments), never link-local or metadata ones. */
  allowPrivate: boolean
  timeoutMs: number
}

/**
 * The dispatcher every delivery goes through. Connecting is where the address is judged:
 * IP literals are checked before the socket opens (Node skips lookup for them), names
 * after resolution, so a check at registration cannot be raced by changing DNS.
 */
export function deliveryAgent({ allowPrivate, timeoutMs }: AgentOptions): Agent {
  const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs }
  const connector = buildConnector({ timeout: timeoutMs, lookup: guardLookup(allowPrivate) })
  return new Agent({
    ...timeouts,
    connect: (options, callback) => {
      const ip = ipLiteral(options.hostname)
      const reason = ip && forbiddenReason(ip, allowPrivate)
      if (reason) return callback(new ForbiddenAddressError(`${ip} is ${reason}; refused`), null)
      return connector(options, callback)
    },
  })
}
