// Durability of the write API against the real server process (as `npm start` runs it):
// two processes writing one database file, SIGKILL in the middle of a burst of writes, and
// SIGTERM under load. What a client was told was committed (a 2xx) must be in the file,
// whole; what it was not told may or may not be there, but never half of it.
//
// Note what SIGKILL proves and what it does not: the kernel keeps a killed process's
// writes, so this checks the transactions are atomic and acknowledged only after COMMIT;
// surviving power loss (synchronous=FULL) cannot be shown by killing a process.
import { existsSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import t, { type Test } from 'tap'
import { prepareDatabase, startServer, type Exit } from './lib/server-process.js'

t.setTimeout(180_000)

const SEED_SLUG = 'islamic-militant-threat-grows-in-pakistani-heartland'

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

/** A story whose one quote, source and credit a reader can check: `prefix-n`. */
function story(prefix: string, n: number) {
  const slug = `${prefix}-${n}`
  return {
    slug,
    headline: `Durability story ${slug}`,
    language: 'en',
    status: 'published',
    publishedAt: '2026-01-01T00:00:00.000Z',
    body: [
      { type: 'paragraph', text: `"Words number ${n} stand here," an official said.` },
      { type: 'paragraph', text: `Another paragraph of ${slug}.` },
    ],
    authors: [{ slug: 'durable-reporter', name: 'Durable Reporter', role: 'reporter' }],
    sources: [{ slug: `official-${slug}`, description: 'an official', kind: 'person', anonymous: true }],
    quotes: [{ text: `Words number ${n} stand here`, kind: 'direct', source: `official-${slug}` }],
  }
}

type Answer = ({ status: number; body: string; id?: string } | { status: 0; error: string }) & { slug: string; ms: number; began: number }

const errorText = (err: unknown) => {
  const e = err as { message?: string; cause?: { code?: string; message?: string } }
  return `${e.message ?? String(err)}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`
}

/** POSTs a story; a connection that fails (the server died) is an answer with status 0. */
async function postStory(url: string, secret: string, doc: ReturnType<typeof story>): Promise<Answer> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  try {
    const res = await fetch(`${url}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    })
    const body = await res.text()
    let id: string | undefined
    if (res.status === 201) {
      const data = (JSON.parse(body) as { data: { id: string; slug: string; quotes: unknown[] } }).data
      // A 201 must describe what was asked for: the right story with its one quote.
      if (data.slug !== doc.slug || data.quotes.length !== 1) return { slug: doc.slug, status: -1, body, ms: ms(), began: started }
      id = data.id
    }
    return { slug: doc.slug, status: res.status, body, ms: ms(), began: started, ...(id ? { id } : {}) }
  } catch (err) {
    return { slug: doc.slug, status: 0, error: errorText(err), ms: ms(), began: started }
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, until done or `stop()`. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, stop = () => false) {
  let next = 0
  const worker = async () => {
    while (next < items.length && !stop()) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

const acknowledged = (a: Answer) => a.status >= 200 && a.status < 300

/** Status → count, connection errors as `error: …`. */
function histogram(answers: Answer[]) {
  const counts: Record<string, number> = {}
  for (const a of answers) {
    const key = 'error' in a ? `error: ${a.error}` : String(a.status)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/** Median and slowest answer: a writer waiting out another's lock shows in the tail. */
function latency(answers: Answer[]) {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b)
  return `median ${ms[Math.floor(ms.length / 2)] ?? 0} ms, p99 ${ms[Math.floor(ms.length * 0.99)] ?? 0} ms, max ${ms.at(-1) ?? 0} ms`
}

const unexpected = (answers: Answer[], ok: (a: Answer) => boolean) =>
  answers
    .filter((a) => !ok(a))
    .slice(0, 5)
    .map((a) => ({ slug: a.slug, status: a.status, body: 'body' in a ? a.body.slice(0, 600) : a.error }))

// ---------------------------------------------------------------------------------------
// What the file holds
// ---------------------------------------------------------------------------------------

type StoredStory = {
  id: string
  slug: string
  quotes: number
  matchingQuotes: number
  credits: number
  revisions: number
  revisionQuotes: number | null
  sources: number
}

/** Every article but the seed, with how many of its dependent rows exist. */
function storedStories(path: string) {
  const db = new Database(path)
  try {
    const rows = db
      .prepare(
        `select a.id, a.slug,
           (select count(*) from quotes q where q.article_id = a.id) as quotes,
           (select count(*) from quotes q join sources s on s.id = q.source_id
              where q.article_id = a.id and s.slug = 'official-' || a.slug
                and q.text = 'Words number ' || substr(a.slug, length(rtrim(a.slug, '0123456789')) + 1) || ' stand here') as matchingQuotes,
           (select count(*) from article_authors c join authors au on au.id = c.author_id
              where c.article_id = a.id and au.slug = 'durable-reporter') as credits,
           (select count(*) from article_revisions r where r.article_id = a.id and r.number = 1) as revisions,
           (select json_array_length(r.document, '$.quotes') from article_revisions r
              where r.article_id = a.id and r.number = 1) as revisionQuotes,
           (select count(*) from sources s where s.slug = 'official-' || a.slug) as sources
         from articles a where a.slug <> ?`,
      )
      .all(SEED_SLUG) as StoredStory[]
    const integrity = db.pragma('integrity_check', { simple: true }) as string
    const foreignKeyFaults = (db.pragma('foreign_key_check') as unknown[]).length
    // A source written without its story would be half of a write left behind.
    const strandedSources = db
      .prepare(
        `select s.slug from sources s where s.slug like 'official-%'
           and not exists (select 1 from articles a where 'official-' || a.slug = s.slug)`,
      )
      .pluck()
      .all() as string[]
    const revisionsWithoutStory = db
      .prepare('select count(*) from article_revisions r where not exists (select 1 from articles a where a.id = r.article_id)')
      .pluck()
      .get() as number
    return { stories: new Map(rows.map((r) => [r.slug, r])), integrity, foreignKeyFaults, strandedSources, revisionsWithoutStory }
  } finally {
    db.close()
  }
}

type Stored = ReturnType<typeof storedStories>

const isWhole = (s: StoredStory) =>
  s.quotes === 1 && s.matchingQuotes === 1 && s.credits === 1 && s.revisions === 1 && s.revisionQuotes === 1 && s.sources === 1

/** The file's own checks, and no story that is less than whole. */
function checkFile(t: Test, stored: Stored) {
  t.equal(stored.integrity, 'ok', 'PRAGMA integrity_check is ok')
  t.equal(stored.foreignKeyFaults, 0, 'PRAGMA foreign_key_check finds nothing')
  t.same(stored.strandedSources, [], 'no source was left without its story')
  t.equal(stored.revisionsWithoutStory, 0, 'no revision was left without its story')
  const partial = [...stored.stories.values()].filter((s) => !isWhole(s))
  t.same(partial.slice(0, 5), [], `no story is stored without its quote, source, credit and revision (${partial.length} are)`)
}

/** Every acknowledged story is stored whole, under the id the 201 gave. */
function checkAcknowledged(t: Test, stored: Stored, acked: Answer[], what: string) {
  const missing = acked.filter((a) => !stored.stories.has(a.slug)).map((a) => a.slug)
  t.same(missing, [], `every acknowledged story is in the file (${what}: ${acked.length} acknowledged)`)
  const wrongId = acked.filter((a) => 'id' in a && stored.stories.get(a.slug) && stored.stories.get(a.slug)!.id !== a.id)
  t.same(wrongId.map((a) => a.slug), [], 'under the id its 201 named')
}

// ---------------------------------------------------------------------------------------
// Checks through the API of a (restarted) server
// ---------------------------------------------------------------------------------------

type ReadBack = { slug: string; status: number; whole?: boolean; detail?: string }

/** GETs a story and its revisions; `whole` when it has exactly its quote, credit and one revision. */
async function readBack(url: string, secret: string, prefix: string, n: number): Promise<ReadBack> {
  const slug = `${prefix}-${n}`
  const headers = { authorization: `Bearer ${secret}` }
  try {
    const res = await fetch(`${url}/v1/articles/${slug}`, { headers })
    const text = await res.text()
    if (res.status !== 200) return { slug, status: res.status, detail: text.slice(0, 300) }
    const data = (JSON.parse(text) as { data: Record<string, any> }).data
    const revs = await fetch(`${url}/v1/articles/${slug}/revisions`, { headers })
    const revText = await revs.text()
    const revisions = revs.status === 200 ? (JSON.parse(revText) as { data: { number: number }[]; page: { total: number } }) : undefined
    const quotes = data.quotes as { text: string; source: { slug: string } }[]
    const authors = data.authors as { slug: string; role: string }[]
    const whole =
      data.slug === slug &&
      quotes.length === 1 &&
      quotes[0]!.text === `Words number ${n} stand here` &&
      quotes[0]!.source.slug === `official-${slug}` &&
      authors.length === 1 &&
      authors[0]!.slug === 'durable-reporter' &&
      revisions !== undefined &&
      revisions.page.total === 1 &&
      revisions.data[0]?.number === 1
    return {
      slug,
      status: 200,
      whole,
      ...(whole ? {} : { detail: `article: ${text.slice(0, 300)} revisions (${revs.status}): ${revText.slice(0, 300)}` }),
    }
  } catch (err) {
    return { slug, status: 0, detail: errorText(err) }
  }
}

/** Through the API: acknowledged stories are there and whole; others are absent or whole. */
async function checkThroughApi(t: Test, url: string, secret: string, prefix: string, count: number, acked: Set<string>) {
  const reads: ReadBack[] = []
  await pool(
    Array.from({ length: count }, (_, i) => i),
    16,
    async (n) => void reads.push(await readBack(url, secret, prefix, n)),
  )
  const bad = reads.filter((r) => (acked.has(r.slug) ? !(r.status === 200 && r.whole) : !(r.status === 404 || (r.status === 200 && r.whole))))
  t.same(bad.slice(0, 5), [], `${prefix}: through the restarted server's API, every acknowledged story is whole and no other is partial`)
  return reads.filter((r) => r.status === 200 && !acked.has(r.slug)).length
}

// ---------------------------------------------------------------------------------------
// 1. Two writer processes, one database file
// ---------------------------------------------------------------------------------------

t.test('two server processes writing one database file: every write commits, none is refused', async (t) => {
  const { path, secret } = prepareDatabase(t, 'two-writers')
  const servers = await Promise.all([startServer(t, { DATABASE_PATH: path }), startServer(t, { DATABASE_PATH: path })])
  t.not(servers[0]!.url, servers[1]!.url, 'on two ports')

  const PER_SERVER = 150
  const IN_FLIGHT = 20
  const answers: Answer[] = []
  const started = performance.now()
  await Promise.all(
    servers.map((server, s) =>
      pool(
        Array.from({ length: PER_SERVER }, (_, i) => story('two', s * PER_SERVER + i)),
        IN_FLIGHT,
        async (doc) => void answers.push(await postStory(server.url, secret, doc)),
      ),
    ),
  )
  const seconds = (performance.now() - started) / 1000
  t.comment(
    `two writers: ${answers.length} POSTs (${IN_FLIGHT} in flight per server) in ${seconds.toFixed(2)} s, ` +
      `${(answers.length / seconds).toFixed(0)} writes/s; latency ${latency(answers)}; statuses ${JSON.stringify(histogram(answers))}`,
  )

  t.same(histogram(answers), { 201: 2 * PER_SERVER }, 'every POST answered 201: no 503 from a busy database, no 500', {
    unexpected: unexpected(answers, (a) => a.status === 201),
    serverProblems: servers.map((s) => s.problems.slice(0, 10)),
  })

  for (const server of servers) {
    const exit = server.exited
    server.child.kill('SIGTERM')
    t.same(await exit, { code: 0, signal: null }, 'the server stops cleanly')
  }
  const stored = storedStories(path)
  checkFile(t, stored)
  t.same(
    [...stored.stories.keys()].sort(),
    answers.map((a) => a.slug).sort(),
    'the file holds exactly the stories posted (and the seed)',
  )
  checkAcknowledged(t, stored, answers.filter(acknowledged), 'two writers')
  const problems = servers.flatMap((s) => s.problems)
  t.same(problems.slice(0, 10), [], 'neither server logged a warning or an error')
})

// ---------------------------------------------------------------------------------------
// 2. SIGKILL in the middle of a burst, four times over one file
// ---------------------------------------------------------------------------------------

t.test('SIGKILL in the middle of a burst of writes loses no acknowledged write and leaves none half-done', async (t) => {
  const { path, secret } = prepareDatabase(t, 'sigkill')
  const ROUNDS = 4
  const BURST = 200
  const IN_FLIGHT = 16
  const rounds: { prefix: string; acked: Answer[]; answers: Answer[] }[] = []

  let server = await startServer(t, { DATABASE_PATH: path })
  for (let round = 1; round <= ROUNDS + 1; round++) {
    // This server was started on the file the previous round's server was killed over.
    const previous = rounds.at(-1)
    if (previous) {
      const unacknowledgedButStored = await checkThroughApi(
        t,
        server.url,
        secret,
        previous.prefix,
        BURST,
        new Set(previous.acked.map((a) => a.slug)),
      )
      t.comment(`${previous.prefix}: ${unacknowledgedButStored} stories committed whose 201 never arrived (allowed)`)
    }
    if (round > ROUNDS) break

    const prefix = `crash-${round}`
    const killAfter = 40 + Math.floor(Math.random() * 41)
    const answers: Answer[] = []
    let acks = 0
    let killed = false
    const victim = server
    const started = performance.now()
    await pool(
      Array.from({ length: BURST }, (_, i) => story(prefix, i)),
      IN_FLIGHT,
      async (doc) => {
        const answer = await postStory(victim.url, secret, doc)
        answers.push(answer)
        if (acknowledged(answer) && ++acks === killAfter) {
          victim.child.kill('SIGKILL')
          killed = true
        }
      },
      () => killed,
    )
    const exit = await victim.exited
    const acked = answers.filter(acknowledged)
    rounds.push({ prefix, acked, answers })
    t.comment(
      `${prefix}: killed after the ${killAfter}th 201 (${((performance.now() - started) / 1000).toFixed(2)} s into the burst); ` +
        `${answers.length} answers, ${acked.length} acknowledged; ${JSON.stringify(histogram(answers))}`,
    )
    t.same(exit, { code: null, signal: 'SIGKILL' }, `${prefix}: the server was killed mid-burst`)
    t.ok(acked.length >= killAfter, `${prefix}: at least ${killAfter} writes were acknowledged before the kill`)
    t.same(
      unexpected(answers, (a) => a.status === 201 || a.status === 0),
      [],
      `${prefix}: every answer was a 201 or a connection cut by the kill`,
      { serverProblems: victim.problems.slice(0, 10) },
    )

    server = await startServer(t, { DATABASE_PATH: path })
  }
  const last = server.exited
  server.child.kill('SIGTERM')
  t.same(await last, { code: 0, signal: null }, 'the last server stops cleanly')

  const stored = storedStories(path)
  checkFile(t, stored)
  for (const { prefix, acked, answers } of rounds) {
    checkAcknowledged(t, stored, acked, prefix)
    const posted = new Set(answers.map((a) => a.slug))
    const strangers = [...stored.stories.keys()].filter((slug) => slug.startsWith(`${prefix}-`) && !posted.has(slug))
    t.same(strangers, [], `${prefix}: nothing is stored that was not sent`)
  }
  const ackedTotal = rounds.reduce((n, r) => n + r.acked.length, 0)
  t.comment(`SIGKILL: ${ackedTotal} writes acknowledged over ${ROUNDS} kills; ${stored.stories.size} stories in the file`)
})

// ---------------------------------------------------------------------------------------
// 3. SIGTERM under writes
// ---------------------------------------------------------------------------------------

t.test('SIGTERM during a burst of writes: the server finishes what it acknowledged and exits 0', async (t) => {
  const { path, secret } = prepareDatabase(t, 'sigterm')
  const server = await startServer(t, { DATABASE_PATH: path })
  const BURST = 200
  const IN_FLIGHT = 16
  const stopAfter = 20 + Math.floor(Math.random() * 21)
  const answers: Answer[] = []
  let acks = 0
  let exited = false
  let exit: Exit | undefined
  void server.exited.then((e) => {
    exited = true
    exit = e
  })
  let signalledAt = 0
  await pool(
    Array.from({ length: BURST }, (_, i) => story('term', i)),
    IN_FLIGHT,
    async (doc) => {
      const answer = await postStory(server.url, secret, doc)
      answers.push(answer)
      if (acknowledged(answer) && ++acks === stopAfter) {
        signalledAt = performance.now()
        server.child.kill('SIGTERM')
      }
    },
    // Keep writing while it closes; stop once it has gone.
    () => exited,
  )
  await server.exited
  const shutdownMs = performance.now() - signalledAt
  const acked = answers.filter(acknowledged)
  t.comment(
    `SIGTERM after the ${stopAfter}th 201: ${answers.length} answers, ${acked.length} acknowledged, exit in ${shutdownMs.toFixed(0)} ms; ` +
      `${JSON.stringify(histogram(answers))}`,
  )
  t.same(exit, { code: 0, signal: null }, 'the process exits with code 0', { log: server.tail.slice(-10) })
  t.same(
    unexpected(answers, (a) => a.status === 201 || a.status === 503 || a.status === 0),
    [],
    'no 500: every answer was a 201, a 503 while closing, or a refused connection',
  )
  // After the signal a new connection may find the port closed, or be reset by the kernel if
  // it was still waiting to be accepted when the listener closed; before it, neither.
  t.same(
    answers.filter((a) => 'error' in a && a.began < signalledAt).slice(0, 5),
    [],
    'no request begun before the signal was reset: a connection ends after an answer, never under a request',
  )
  t.same(server.problems.filter((line) => !/"level":40/.test(line)).slice(0, 5), [], 'no error was logged')

  const stored = storedStories(path)
  checkFile(t, stored)
  checkAcknowledged(t, stored, acked, 'SIGTERM')
  const refusedButStored = answers.filter((a) => a.status === 503 && stored.stories.has(a.slug)).map((a) => a.slug)
  t.same(refusedButStored, [], 'a story answered 503 was not written')
  const notProblems = answers.filter((a) => a.status === 503 && !/^\{"type":"about:blank","title":"Service Unavailable","status":503/.test(a.body))
  t.same(notProblems, [], 'a request refused while closing gets a problem document, as every error does')
  const lostAnswers = answers.filter((a) => a.status === 0 && stored.stories.has(a.slug)).map((a) => a.slug)
  t.comment(`SIGTERM: ${lostAnswers.length} stories committed whose answer never arrived`)
  t.same(lostAnswers, [], 'a graceful close answers every write it commits')
  const wal = `${path}-wal`
  t.ok(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was checkpointed into the database file at shutdown')
})
