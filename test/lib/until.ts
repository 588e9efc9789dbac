import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Polls `probe` every 25 ms until it gives a value (not undefined or false), and returns it;
 * fails naming `what` after `ms`. Fine-grained, so what a test reports of a delay is close
 * to the delay itself.
 */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}
