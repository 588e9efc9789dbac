import { readFileSync, writeFileSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = '// Generated from openapi.yaml by `npm run client:types`: do not edit. A test fails when it is stale.\n'

/** The typed client's types, generated from the OpenAPI document as it stands in the repository. */
export async function clientTypes(): Promise<string> {
  const document = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')
  return HEADER + astToString(await openapiTS(document))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = new URL('../clients/typescript/src/schema.ts', import.meta.url)
  writeFileSync(target, await clientTypes())
  process.stdout.write(`wrote ${target.pathname}\n`)
}
