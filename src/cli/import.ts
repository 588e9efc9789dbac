// Imports article documents, one JSON document a line, into the database at DATABASE_PATH.
// Usage: npm run import -- [--strict] FILE.ndjson   (`-` reads stdin)
//
// Exit status: 0 when every line was imported, 1 when a line was rejected (or the import
// failed), 2 for a usage error (no file, an unreadable file, a bad setting).
//
// Lines are read as a stream and written in transactions of BATCH lines, so a file of any
// size runs in flat memory. A bad line is reported on stderr as `line N: reason` and
// skipped. With --strict the whole import is one transaction, rolled back at the first bad
// line: a file read once (stdin included) either lands entirely or not at all, and a line
// the database refuses counts as bad as surely as one zod refuses. The cost is one long
// write transaction, which holds the write lock and grows the WAL until it commits.
import { open, type FileHandle } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { ConfigError, loadConfig } from '../config.js'
import { openDb, type Db } from '../db/client.js'
import { migrateDb } from '../db/migrate.js'
import { ArticleDocument } from '../resources/articles/document.js'
import { createImporter, type BatchResult } from '../resources/articles/importer.js'
import { runAsProgram } from './run.js'

const USAGE = 'usage: npm run import -- [--strict] FILE.ndjson   (- reads standard input)'
const BATCH = 1_000

class UsageError extends Error {}

/** The reason a line is not a valid document: JSON first, then the schema's issues. */
function parseLine(text: string): { doc: ArticleDocument } | { reason: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return { reason: `not JSON: ${(err as Error).message}` }
  }
  const parsed = ArticleDocument.safeParse(json)
  if (parsed.success) return { doc: parsed.data }
  return { reason: summarize(parsed.error) }
}

/** `path: message` for the first few zod issues, the way a person fixes them: by place. */
function summarize(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(document)'}: ${i.message}`)
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
}

async function openInput(file: string): Promise<{ input: Readable; size: number | undefined; close: () => Promise<void> }> {
  if (file === '-') return { input: process.stdin, size: undefined, close: async () => {} }
  let handle: FileHandle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`)
  }
  const stat = await handle.stat()
  if (stat.isDirectory()) {
    await handle.close()
    throw new UsageError(`cannot read ${file}: it is a directory`)
  }
  const input = handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })
  return { input, size: stat.isFile() ? stat.size : undefined, close: () => handle.close() }
}

/** One line on stderr that rewrites itself, at most five times a second; only on a TTY. */
function progress(size: number | undefined, bytesRead: () => number) {
  const tty = process.stderr.isTTY === true
  const started = performance.now()
  let last = 0
  let shown = false
  return {
    update(articles: number) {
      const now = performance.now()
      if (!tty || now - last < 200) return
      last = now
      const seconds = (now - started) / 1000
      const rate = articles / Math.max(seconds, 1e-3)
      let text = `${articles.toLocaleString('en')} articles, ${Math.round(rate).toLocaleString('en')}/s`
      const read = bytesRead()
      if (size && read > 0) {
        const eta = (seconds * (size - read)) / read
        text += `, ${Math.min(100, (100 * read) / size).toFixed(1)}%, ETA ${formatDuration(eta)}`
      }
      process.stderr.write(`\r\x1b[K${text}`)
      shown = true
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[K')
    },
  }
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
}

const parse = (argv: string[]) =>
  parseArgs({ args: argv, options: { strict: { type: 'boolean', default: false } }, allowPositionals: true })

type Input = Awaited<ReturnType<typeof openInput>>
type Totals = { inserted: number; updated: number; unchanged: number }
/** What a run did: counts, the last line read, and the error that stopped it, if one did. */
type Run = { totals: Totals; rejected: number; lineNo: number; failure: string | undefined }

/** The file to read and whether the import is all-or-nothing; a usage error's message otherwise. */
function parseCommand(argv: string[]): { file: string; strict: boolean } | { usage: string } {
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (err) {
    return { usage: (err as Error).message }
  }
  const [file, ...extra] = args.positionals
  if (file === undefined) return { usage: 'no file given' }
  if (extra.length > 0) return { usage: `unexpected arguments: ${extra.join(' ')}` }
  return { file, strict: args.values.strict }
}

/** The input and the database, or a UsageError (ConfigError) saying why not. */
async function openBoth(file: string): Promise<{ source: Input; db: Db }> {
  const config = loadConfig()
  const source = await openInput(file)
  try {
    return { source, db: openDb(config.databasePath) }
  } catch (err) {
    await source.close()
    throw new UsageError(`cannot open the database ${config.databasePath}: ${(err as Error).message}`)
  }
}

/** Reads the lines and writes them in batches; a failure is kept in the result, not thrown. */
async function runImport(db: Db, source: Input, strict: boolean): Promise<Run> {
  const run: Run = { totals: { inserted: 0, updated: 0, unchanged: 0 }, rejected: 0, lineNo: 0, failure: undefined }
  const bytesRead = () => (source.input as Readable & { bytesRead?: number }).bytesRead ?? 0
  const bar = progress(source.size, bytesRead)
  const reject = (line: number, reason: string) => {
    bar.clear()
    process.stderr.write(`line ${line}: ${reason}\n`)
    run.rejected++
  }
  try {
    migrateDb(db)
    // 128 MiB of page cache instead of 2: the quote and full-text indexes take writes all
    // over the file, and a bulk import re-reads the same pages again and again (5–10% faster).
    db.$client.pragma('cache_size = -131072')
    // Savepoints (one a document) and statements journal the pages they change; in memory
    // rather than in a temporary file, since those pages are rewritten by every story.
    db.$client.pragma('temp_store = MEMORY')
    await writeLines(db, source, strict, run, { reject, progress: bar.update })
  } catch (err) {
    run.failure = err instanceof Error ? err.message : String(err)
  } finally {
    source.input.destroy()
    await source.close()
    if (db.$client.inTransaction) db.$client.prepare('rollback').run()
    db.$client.close()
  }
  bar.clear()
  return run
}

type Report = { reject: (line: number, reason: string) => void; progress: (articles: number) => void }

/** The loop over lines: parse each, write them BATCH at a time, stop at the first bad one with --strict. */
async function writeLines(db: Db, source: Input, strict: boolean, run: Run, report: Report) {
  const importer = createImporter(db)
  const { totals } = run
  let pending: { line: number; doc: ArticleDocument }[] = []
  /** Writes the pending lines; false when --strict must stop. */
  const flush = (): boolean => {
    if (pending.length === 0) return true
    const result: BatchResult = importer.importBatch(pending.map((p) => p.doc))
    totals.inserted += result.inserted
    totals.updated += result.updated
    totals.unchanged += result.unchanged
    for (const r of strict ? result.rejected.slice(0, 1) : result.rejected) report.reject(pending[r.index]!.line, r.reason)
    pending = []
    report.progress(totals.inserted + totals.updated + totals.unchanged)
    return !(strict && result.rejected.length > 0)
  }

  if (strict) importer.begin()
  const lines = createInterface({ input: source.input, crlfDelay: Infinity })
  for await (let text of lines) {
    run.lineNo++
    if (run.lineNo === 1) text = text.replace(/^\uFEFF/, '') // a byte order mark some editors write
    if (text.trim() === '') continue
    const parsed = parseLine(text)
    if ('reason' in parsed) {
      // An earlier line still waiting in the batch may be the first bad one.
      if (strict && !flush()) break
      report.reject(run.lineNo, parsed.reason)
      if (strict) break
      continue
    }
    pending.push({ line: run.lineNo, doc: parsed.doc })
    if (pending.length >= BATCH && !flush()) break
  }
  lines.close()
  if (!strict || run.rejected === 0) flush()
  if (strict) {
    if (run.rejected > 0) importer.rollback()
    else importer.commit()
  }
}

/** The last line on stderr, and the exit status. */
function reportRun(run: Run, strict: boolean, seconds: number): number {
  const { totals, rejected } = run
  const articles = totals.inserted + totals.updated + totals.unchanged
  if (run.failure !== undefined) {
    const kept = strict ? 'nothing imported' : `${articles} articles imported before it`
    process.stderr.write(`import failed at line ${run.lineNo}: ${run.failure} (${kept})\n`)
    return 1
  }
  if (strict && rejected > 0) {
    process.stderr.write(`nothing imported: a line was rejected and --strict was given\n`)
    return 1
  }
  const rate = Math.round(articles / Math.max(seconds, 1e-3))
  process.stderr.write(
    `imported ${articles} article${articles === 1 ? '' : 's'} in ${seconds.toFixed(2)} s (${rate}/s), ` +
      `${rejected} line${rejected === 1 ? '' : 's'} rejected ` +
      `(${totals.inserted} new, ${totals.updated} updated, ${totals.unchanged} unchanged)\n`,
  )
  return rejected > 0 ? 1 : 0
}

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv)
  if ('usage' in command) {
    process.stderr.write(`${command.usage}\n${USAGE}\n`)
    return 2
  }
  let opened: { source: Input; db: Db }
  try {
    opened = await openBoth(command.file)
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    throw err
  }
  const started = performance.now()
  const run = await runImport(opened.db, opened.source, command.strict)
  return reportRun(run, command.strict, (performance.now() - started) / 1000)
}

runAsProgram(import.meta.url, 'import', main)
