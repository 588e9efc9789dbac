import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { z } from 'zod'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** `10.0.0.1`, `::1`, `10.0.0.0/8` or `fd00::/8`: what TRUST_PROXY lists. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/byline.db'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  READ_REQUIRES_KEY: z.enum(['true', 'false']).default('false'),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(1_000_000).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Cache-Control of public reads (authenticated ones are always private, no-store).
  CACHE_CONTROL: z
    .string()
    .regex(/^[\x20-\x7e]{1,200}$/, 'must be a Cache-Control header value')
    .default('public, max-age=60, stale-while-revalidate=300'),
  // Where the API is reached from outside (https://api.example.com): absolute links in feeds,
  // ninjs and JSON-LD use it instead of the request's Host header.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => new URL(u).origin)
    .optional(),
  // Timeouts (ms). Fastify leaves requestTimeout at 0, which lets a client drip a request
  // forever; these bound every phase. The connection timeout must outlast a long poll (30 s).
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(5_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(35_000).max(600_000).default(65_000),
  // Load shedding: past these, new requests get 503 with Retry-After (0 turns a check off).
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  // Off by default: at 0.98 a saturated but healthy server (p99 25 ms) shed 90 % of its
  // requests, cutting what it served fivefold; delay is the signal that follows latency.
  MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),
  // Requests held open on the changes feed (`wait`) at once; past it, one that would wait gets a 503.
  MAX_LONG_POLLS: z.coerce.number().int().min(1).max(100_000).default(1000),
  // HTTP worker processes sharing PORT (node:cluster) and the database file; `auto`: one a CPU.
  WORKERS: z
    .string()
    .default('1')
    .transform((v, ctx) => {
      if (v.trim() === 'auto') return availableParallelism()
      const n = Number(v)
      if (!Number.isInteger(n) || n < 1 || n > 64) ctx.addIssue({ code: 'custom', message: 'must be a whole number from 1 to 64, or auto' })
      return n
    }),
  // Cache instances (Varnish) told every change's surrogate keys: comma-separated base URLs.
  PURGE_URLS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return []
      const urls = v.split(',').map((u) => u.trim())
      for (const url of urls) {
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
          ctx.addIssue({ code: 'custom', message: `"${url}" is not an http(s) URL such as http://127.0.0.1:6081` })
        }
      }
      return urls
    }),
  // soft: purged objects may be served stale within their grace while refetched; hard: dropped.
  PURGE_MODE: z.enum(['soft', 'hard']).default('soft'),
  // Webhook deliveries may reach loopback and private addresses: tests and private networks only.
  ALLOW_PRIVATE_WEBHOOKS: z.enum(['true', 'false']).default('false'),
  // The proxies in front (nginx, Varnish, a CDN): comma-separated addresses or CIDR ranges.
  // Unset trusts nobody, so X-Forwarded-* from a client changes nothing.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return null
      const entries = v.split(',').map((e) => e.trim())
      if (entries.includes('')) ctx.addIssue({ code: 'custom', message: 'an entry is empty; list addresses or CIDR ranges separated by commas' })
      for (const entry of entries) {
        if (entry !== '' && !isAddressOrRange(entry)) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR range (such as 10.0.0.1 or 10.0.0.0/8)` })
        }
      }
      return entries
    }),
  // Comma-separated origins allowed to call the API from a browser; unset or `*` means any.
  CORS_ORIGINS: z
    .string()
    .default('*')
    .refine((v) => v.trim() === '*' || v.split(',').every((o) => URL.canParse(o.trim())), {
      message: 'must be * or a comma-separated list of origins such as https://news.example',
    }),
})

export type Config = {
  host: string
  port: number
  databasePath: string
  logLevel: (typeof LOG_LEVELS)[number]
  corsOrigins: '*' | string[]
  readRequiresKey: boolean
  rateLimitMax: number
  rateLimitWindowSeconds: number
  allowPrivateWebhooks: boolean
  cacheControl: string
  publicOrigin: string | null
  /** Addresses and CIDR ranges of the proxies whose X-Forwarded-* headers are believed. */
  trustProxy: string[] | null
  timeouts: Timeouts
  shedding: Shedding
  maxLongPolls: number
  /** HTTP worker processes; 1 serves from this process. */
  workers: number
  /** Cache instances told every change's keys, and how. */
  purge: { urls: string[]; soft: boolean }
}

export type Timeouts = { requestMs: number; headersMs: number; keepAliveMs: number; connectionMs: number }
export type Shedding = { maxEventLoopDelayMs: number; maxEventLoopUtilization: number }

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment once; the only reader of process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  const origins = e.CORS_ORIGINS.trim()
  return {
    host: e.HOST,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    logLevel: e.LOG_LEVEL,
    corsOrigins: origins === '*' ? '*' : origins.split(',').map((o) => new URL(o.trim()).origin),
    readRequiresKey: e.READ_REQUIRES_KEY === 'true',
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitWindowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS === 'true',
    cacheControl: e.CACHE_CONTROL,
    publicOrigin: e.PUBLIC_URL ?? null,
    trustProxy: e.TRUST_PROXY,
    timeouts: {
      requestMs: e.REQUEST_TIMEOUT_MS,
      headersMs: e.HEADERS_TIMEOUT_MS,
      keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS,
      connectionMs: e.CONNECTION_TIMEOUT_MS,
    },
    shedding: { maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS, maxEventLoopUtilization: e.MAX_EVENT_LOOP_UTILIZATION },
    maxLongPolls: e.MAX_LONG_POLLS,
    workers: e.WORKERS,
    purge: { urls: e.PURGE_URLS, soft: e.PURGE_MODE === 'soft' },
  }
}
