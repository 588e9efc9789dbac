/** The sleep between looks at a queue: a poll interval, cut short by wake(). */
export class PollTimer {
  stopping = false
  private woken = false
  private wakeUp: (() => void) | undefined

  constructor(private readonly intervalMs: number) {}

  readonly wake = () => {
    this.woken = true
    this.wakeUp?.()
  }

  /** Forgets earlier wakes: from here on, a wake ends the next wait. */
  rearm() {
    this.woken = false
  }

  wait() {
    return new Promise<void>((resolve) => {
      if (this.woken || this.stopping) return resolve()
      let timer: NodeJS.Timeout | undefined
      const done = () => {
        clearTimeout(timer)
        this.wakeUp = undefined
        resolve()
      }
      timer = setTimeout(done, this.intervalMs)
      this.wakeUp = done
    })
  }
}
