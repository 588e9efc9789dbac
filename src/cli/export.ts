// Exports every article (all statuses) as article documents, one JSON document a line,
// ordered by id, with every id and each quote's exact location: `npm run import` of the
// output into an empty database reproduces this one's content.
// Usage: npm run export -- [FILE.ndjson]   (no file or `-` writes standard output)
//
// Exit status: 0 on success, 1 when the export failed, 2 for a usage error (a bad
// argument, an unwritable file, a bad setting).
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { openDb, type Db } from '../db/client.js'
import { migrateDb } from '../db/migrate.js'
import { exportDocuments } from '../resources/articles/exporter.js'
import { runAsProgram } from './run.js'

const USAGE = 'usage: npm run export -- [FILE.ndjson]   (no file or - writes standard output)'
const CHUNK = 1 << 20

/** Opens the file for writing, or says why not; resolves once it is open. */
function openOutput(file: string): Promise<Writable> {
  if (file === '-') return Promise.resolve(process.stdout)
  const stream = createWriteStream(file)
  return new Promise((resolve, reject) => {
    stream.once('error', reject)
    stream.once('open', () => {
      stream.off('error', reject)
      resolve(stream)
    })
  })
}

/** Resolves when the stream wants more, or is gone (its error is handled elsewhere). */
function drained(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done)
      output.off('close', done)
      resolve()
    }
    output.on('drain', done)
    output.on('close', done)
  })
}

async function main(argv: string[]): Promise<number> {
  let positionals: string[]
  try {
    ;({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true }))
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (positionals.length > 1) {
    process.stderr.write(`unexpected arguments: ${positionals.slice(1).join(' ')}\n${USAGE}\n`)
    return 2
  }
  const file = positionals[0] ?? '-'

  let db: Db
  let output: Writable
  try {
    const config = loadConfig()
    db = openDb(config.databasePath)
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? '' : 'cannot open the database: '}${(err as Error).message}\n`)
    return 2
  }
  try {
    output = await openOutput(file)
  } catch (err) {
    db.$client.close()
    process.stderr.write(`cannot write ${file}: ${(err as Error).message}\n`)
    return 2
  }

  const started = performance.now()
  let count = 0
  let failure: string | undefined
  // A failed write (disk full, a closed pipe) is remembered and ends the loop below.
  output.on('error', (err) => (failure ??= err.message))
  try {
    migrateDb(db)
    let chunk = ''
    for (const doc of exportDocuments(db)) {
      chunk += JSON.stringify(doc) + '\n'
      count++
      if (chunk.length >= CHUNK) {
        if (!output.write(chunk)) await drained(output)
        chunk = ''
      }
      if (failure !== undefined) break
    }
    if (chunk && failure === undefined) output.write(chunk)
    if (output !== process.stdout) {
      output.end()
      await once(output, 'close')
    }
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err)
  } finally {
    db.$client.close()
  }

  if (failure !== undefined) {
    process.stderr.write(`export failed after ${count} articles: ${failure}\n`)
    return 1
  }
  const seconds = (performance.now() - started) / 1000
  process.stderr.write(`exported ${count} article${count === 1 ? '' : 's'} in ${seconds.toFixed(2)} s\n`)
  return 0
}

runAsProgram(import.meta.url, 'export', main)
