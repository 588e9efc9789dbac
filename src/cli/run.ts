import { pathToFileURL } from 'node:url'

/**
 * Runs a command's `main` when its module is the program (`npm run import`), not when a test
 * imports it: the exit code is what `main` returns, and a failure is one line on stderr.
 */
export function runAsProgram(moduleUrl: string, name: string, main: (args: string[]) => Promise<number>) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${name} failed: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exitCode = 1
    },
  )
}
