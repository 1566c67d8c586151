import { ServerCallError } from './serverClient'

/** The server answered the worker's first call with a refusal (a wrong token, most often): waiting will not help. */
export class WorkerRefusedError extends Error {
  override readonly name = 'WorkerRefusedError'
}

/** The worker was told to stop (`stopping` aborted) while it waited for its server: nothing to undo. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError'
}

/** How often a worker asks again while the server cannot be reached. */
export const SERVER_RETRY_MS = 5_000

/**
 * Calls `announce` (the first heartbeat) until the server accepts it, so a worker takes no job
 * it could not deliver. An unreachable server is waited for (it may be starting or restarting);
 * a refusal ends the wait with a {@link WorkerRefusedError} saying what to fix. Each new reason
 * for waiting is logged once, not on every try. An abort of `stopping` (Ctrl-C, SIGTERM) ends
 * the wait at once with a {@link WorkerStoppedError}.
 */
export async function waitForServer(
  serverUrl: string,
  announce: () => Promise<void>,
  { log = console.warn, retryMs = SERVER_RETRY_MS, stopping }: { log?: (line: string) => void; retryMs?: number; stopping?: AbortSignal } = {},
): Promise<void> {
  let lastReason: string | undefined
  for (;;) {
    if (stopping?.aborted) throw new WorkerStoppedError('stopped while waiting for the server')
    try {
      await announce()
      if (lastReason !== undefined) log(`storyloom worker: the server at ${serverUrl} answers now`)
      return
    } catch (error) {
      if (!(error instanceof ServerCallError)) throw error
      if (error.status === 401) {
        throw new WorkerRefusedError(
          `the server at ${serverUrl} refused this worker's token. Set STORYLOOM_WORKER_TOKEN to the server's: its STORYLOOM_WORKER_TOKEN, or the contents of worker-token in its data directory.`,
          { cause: error },
        )
      }
      if (error.permanent) throw new WorkerRefusedError(`the server at ${serverUrl} refused this worker: ${error.message}`, { cause: error })
      if (error.message !== lastReason) {
        log(`storyloom worker: ${error.message}; waiting for it before taking jobs (trying again every ${retryMs / 1000} s)`)
        lastReason = error.message
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, retryMs)
        stopping?.addEventListener('abort', done, { once: true })
        function done() {
          clearTimeout(timer)
          stopping?.removeEventListener('abort', done)
          resolve()
        }
      })
    }
  }
}
