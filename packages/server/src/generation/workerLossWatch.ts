import { WORKER_BUSY_HEARTBEAT_MS, WORKER_LOST_AFTER_MS, type WorkerHeartbeat } from '@storyloom/shared/generation/workerApi'

/** How often held jobs are checked. */
const CHECK_MS = WORKER_BUSY_HEARTBEAT_MS / 2
/** Jobs remembered at most (a running job is one entry; a worker may list 16). */
const MAX_HELD_JOBS = 10_000

type Holder = { workerId: string; seenAt: number }

/**
 * Which worker runs which job, from the jobs workers list in their heartbeats, and which of
 * those workers went silent. A job whose worker has sent no heartbeat for
 * {@link WORKER_LOST_AFTER_MS} is reported once through `onLost`; the queue itself hands it to
 * another worker only when the lost worker's claim expires (BullMQ's lock, 30 s by default), so
 * the board can say why nothing moves in the meantime. Workers that do not list their jobs
 * (older ones) are never reported.
 */
export class WorkerLossWatch {
  readonly #held = new Map<string, Holder>()
  readonly #now: () => number
  readonly #lostAfterMs: number
  #timer: NodeJS.Timeout | undefined
  #lastCheck: number

  constructor(
    private readonly onLost: (jobId: string, workerId: string) => void,
    { now = Date.now, lostAfterMs = WORKER_LOST_AFTER_MS }: { now?: () => number; lostAfterMs?: number } = {},
  ) {
    this.#now = now
    this.#lostAfterMs = lostAfterMs
    this.#lastCheck = now()
  }

  /** Checks every {@link CHECK_MS} until {@link close}. */
  start(): this {
    this.#timer ??= setInterval(() => this.check(), CHECK_MS)
    this.#timer.unref()
    return this
  }

  close(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
    this.#held.clear()
  }

  heartbeat(heartbeat: WorkerHeartbeat): void {
    if (!heartbeat.jobs) return
    const seenAt = this.#now()
    // A job it no longer lists is no longer its: finished, or given back.
    for (const [jobId, holder] of this.#held) if (holder.workerId === heartbeat.workerId && !heartbeat.jobs.includes(jobId)) this.#held.delete(jobId)
    for (const jobId of heartbeat.jobs) {
      this.#held.delete(jobId) // re-inserted last: the oldest entry is the first to go
      this.#held.set(jobId, { workerId: heartbeat.workerId, seenAt })
    }
    for (const jobId of this.#held.keys()) {
      if (this.#held.size <= MAX_HELD_JOBS) break
      this.#held.delete(jobId)
    }
  }

  /** The job ended (succeeded, failed, canceled): whoever ran it no longer matters. */
  settled(jobId: string): void {
    this.#held.delete(jobId)
  }

  /** Reports the jobs whose worker went silent (each once; a later heartbeat listing it watches it again). */
  check(): void {
    const now = this.#now()
    const late = now - this.#lastCheck > 2 * CHECK_MS
    this.#lastCheck = now
    for (const [jobId, holder] of this.#held) {
      // This process was stalled itself (a long GC, a suspended VM): it could not hear the
      // heartbeats either, so the silence says nothing about the workers. Count from now.
      if (late) holder.seenAt = Math.max(holder.seenAt, now - CHECK_MS)
      else if (now - holder.seenAt >= this.#lostAfterMs) {
        this.#held.delete(jobId)
        this.onLost(jobId, holder.workerId)
      }
    }
  }
}
