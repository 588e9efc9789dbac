// The harness: worlds rebuilt every few cases, so writes keep the database small.
import { isRaw, isSeq, type AnyCase, type FuzzCase, type RawCase } from './cases.js'
import { checkAnswer, sqlPatterns } from './oracle.js'
import { materialize, rawBytes, type WireRequest } from './request.js'
import { Spec, type Operation } from './spec.js'
import { rawExchange, viaInject, type Answer, type Transport } from './transport.js'
import type { GenOptions } from './valid.js'
import { buildWorld, closeWorld, type World } from './world.js'

export type Outcome = { violations: string[]; notes: string[]; status?: number; summary: string; ms: number }

export type HarnessOptions = GenOptions & {
  /** A fresh app and database after this many cases. */
  rebuildEvery: number
  /** Violations to leave out (FUZZ_IGNORE): to look past a known bug for others. */
  ignore?: RegExp
  timeoutMs: number
  listen?: boolean
}

export class Harness {
  cases = 0
  readonly statuses = new Map<string, Map<number, number>>()
  /** Findings that do not fail a case (a status the document does not list), with counts. */
  readonly notes = new Map<string, number>()
  /** The slowest answers, slowest first. */
  readonly slowest: { ms: number; summary: string }[] = []
  private world: World | undefined
  private sinceBuild = 0

  private readonly sql: RegExp[]

  private constructor(
    readonly spec: Spec,
    readonly opts: HarnessOptions,
    private readonly tables: string[],
  ) {
    this.sql = sqlPatterns(tables)
  }

  /** Another harness over the same contract (one that listens on a socket, say). */
  derive(opts: Partial<HarnessOptions>) {
    return new Harness(this.spec, { ...this.opts, ...opts }, this.tables)
  }

  static async create(opts: Partial<HarnessOptions> = {}) {
    const world = await buildWorld()
    const doc = (await world.app.inject('/openapi.json')).json()
    const tables = world.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]
    await closeWorld(world)
    const ignore = process.env.FUZZ_IGNORE ? new RegExp(process.env.FUZZ_IGNORE) : undefined
    return new Harness(new Spec(doc), { maxBigBytes: 1 << 20, rebuildEvery: 60, timeoutMs: 15_000, ...(ignore ? { ignore } : {}), ...opts }, tables)
  }

  /** A fresh world for the next case (a replayed regression, say). */
  async fresh() {
    if (this.world) await closeWorld(this.world)
    this.world = undefined
  }

  private async current(): Promise<World> {
    if (!this.world || this.sinceBuild >= this.opts.rebuildEvery) {
      if (this.world) await closeWorld(this.world)
      this.world = await buildWorld(this.opts.listen)
      this.sinceBuild = 0
    }
    this.sinceBuild++
    return this.world
  }

  async close() {
    await this.fresh()
  }

  private count(key: string, status: number) {
    let m = this.statuses.get(key)
    if (!m) this.statuses.set(key, (m = new Map()))
    m.set(status, (m.get(status) ?? 0) + 1)
  }

  async run(c: AnyCase, transport: Transport = viaInject): Promise<Outcome> {
    const world = await this.current()
    if (!isSeq(c)) return this.runOne(world, c, transport)
    // Each step is held to the contract; the sequence fails with the first step that breaks it.
    const summaries: string[] = []
    for (const [i, step] of c.seq.entries()) {
      const out = await this.runOne(world, step, transport)
      summaries.push(out.summary.split('\n')[0]!.slice(0, 200))
      if (out.violations.length) {
        return { ...out, violations: out.violations.map((v) => `step ${i + 1}: ${v}`), summary: [...summaries.slice(0, -1), out.summary].join('\n    ') }
      }
    }
    return { violations: [], notes: [], summary: summaries.join('\n    '), ms: 0 }
  }

  private async runOne(world: World, c: FuzzCase | RawCase, transport: Transport): Promise<Outcome> {
    this.cases++
    const started = performance.now()
    let wire: WireRequest | undefined
    let op: Operation | undefined
    let answer: Answer | null
    try {
      if (isRaw(c)) {
        if (!world.origin) throw new Error('raw cases need a listening world')
        answer = await rawExchange(world.origin, rawBytes(c, world), this.opts.timeoutMs)
      } else {
        ;({ op, wire } = await materialize(c, this.spec, world))
        answer = await withTimeout(transport(world, wire), this.opts.timeoutMs)
      }
    } catch (err) {
      const summary = isRaw(c) ? 'raw request' : `${c.op}`
      return { violations: [`no answer: ${(err as Error).message}`], notes: [], summary, ms: performance.now() - started }
    }
    const ms = performance.now() - started
    const summary = wire ? `${wire.method} ${wire.url.slice(0, 200)}${wire.url.length > 200 ? '…' : ''}` : 'raw request'
    const key = isRaw(c) ? 'raw' : c.op
    if (!answer) {
      this.count(key, 0)
      // The server may hang up on bytes that are not HTTP; that is an answer too.
      return { violations: [], notes: [], summary: `${summary} → closed`, ms }
    }
    this.count(key, answer.status)
    const routed = wire && !isRaw(c) ? this.spec.route(wire.method, wire.url, transport === viaInject) : op
    this.slowest.push({ ms, summary: summary.slice(0, 160) + ` → ${answer.status}` })
    this.slowest.sort((a, b) => b.ms - a.ms).splice(5)
    const found = checkAnswer(this.spec, routed?.key === op?.key ? op : routed, c, wire, answer, this.sql)
    // Bytes sent after the request (no Content-Length) read as a second request: its answer
    // follows the first even when that one said Connection: close, as Node's own does.
    if (answer.trailing) found.push(`note: a second answer after ${answer.headers.connection === 'close' ? 'Connection: close' : 'the first'}: ${answer.trailing.split('\r\n', 1)[0]}`)
    const notes = found.filter((f) => f.startsWith('note: ')).map((f) => f.slice(6))
    for (const n of notes) this.notes.set(n, (this.notes.get(n) ?? 0) + 1)
    const violations = found.filter((f) => !f.startsWith('note: ') && !this.opts.ignore?.test(f))
    const detail = violations.length ? ` ${answer.body.slice(0, 300)}` : ''
    return { violations, notes, status: answer.status, summary: `${summary} → ${answer.status}${detail}`, ms }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
      timer.unref()
    }),
  ])
}

