import { writeFileSync } from 'node:fs'
import { buildApp } from '../src/app.js'
import { openDb } from '../src/db/client.js'

/** The OpenAPI document as YAML, exactly as the running server describes itself. */
export async function openApiYaml(): Promise<string> {
  const app = await buildApp({ db: openDb(':memory:') })
  await app.ready()
  const yaml = app.swagger({ yaml: true })
  await app.close()
  return yaml
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('../openapi.yaml', import.meta.url)
  writeFileSync(target, await openApiYaml())
  process.stdout.write(`wrote ${target.pathname}\n`)
}
