/**
 * How `pnpm start` and `pnpm worker` stop: the first SIGINT or SIGTERM starts a clean stop, and
 * the process exits 0 when it is done (1 if it failed). Another signal later means "now": exit 1
 * at once.
 *
 * Except right after the first: a Ctrl-C in a terminal signals every process in the group, and
 * pnpm also passes the SIGINT it got on to the process it runs, so one key press arrives two or
 * three times within milliseconds. Those copies must not abort the stop they started.
 *
 * `label` is the process's log prefix ("storyloom worker", "Storyloom"): a failed stop is
 * reported on a line that starts with it, like the process's other lines.
 */
export const REPEATED_SIGNAL_MS = 1_000

type SignalSource = {
  on(signal: NodeJS.Signals, listener: () => void): unknown
  exit(code: number): void
}

export function stopOnSignals(
  label: string,
  stop: (signal: NodeJS.Signals) => Promise<void>,
  { source = process as SignalSource, now = () => performance.now() }: { source?: SignalSource; now?: () => number } = {},
): void {
  let stoppingSince: number | undefined
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    source.on(signal, () => {
      if (stoppingSince !== undefined) {
        if (now() - stoppingSince >= REPEATED_SIGNAL_MS) source.exit(1)
        return
      }
      stoppingSince = now()
      stop(signal).then(
        () => source.exit(0),
        (error: unknown) => {
          console.error(`${label}: error while stopping:`, error)
          source.exit(1)
        },
      )
    })
  }
}
