import type { WorkerPresence } from '../queue/bullmqQueue'

/**
 * How often Redis is asked: one CLIENT LIST and one read of the running jobs per server,
 * whatever the number of boards and clients.
 */
const POLL_MS = 1_000
/**
 * Looks in a row a worker must be missing from to count as gone. A connection that Redis drops
 * and the worker opens again (a network blip, Redis restarting: ioredis retries within 2 s) is
 * not a death.
 */
const GONE_AFTER_MISSES = 3

export type WorkerPresenceHandlers = {
  /** A worker seen connected to the queue, or running a job, has no connection any more: killed, or cut off from Redis. Once. */
  onGone(workerId: string): void
  /** A running job's worker is gone: nobody runs it until its lock expires. Once per job and worker. */
  onOrphaned(jobId: string, workerId: string): void
}

/**
 * Tells which workers are gone from what Redis itself sees (BullMQ's `getWorkers`, CLIENT
 * LIST): the kernel closes a killed worker's connection at once, while a worker whose event loop
 * is busy, or whose job takes long, keeps it. So an idle worker killed with -9 leaves the count
 * within seconds, not when its heartbeats expire, and a running job whose worker is gone is
 * found even by a server that has just started and heard no heartbeat yet. Workers that do not
 * name their consumer (older ones) are not watched: their heartbeats expire as before.
 */
export class WorkerPresenceWatch {
  /** Watched workers (seen connected, or holding a running job) → looks in a row they were missing from. */
  readonly #misses = new Map<string, number>()
  /** Jobs reported orphaned → the worker they were reported for. */
  readonly #orphans = new Map<string, string>()
  #timer: NodeJS.Timeout | undefined
  #polling = false
  /** Why the last look failed: logged once, not every second while Redis is away. */
  #failing: string | undefined

  constructor(
    private readonly read: () => Promise<WorkerPresence | undefined>,
    private readonly handlers: WorkerPresenceHandlers,
  ) {}

  /** Looks every {@link POLL_MS} until {@link close}. */
  start(): this {
    this.#timer ??= setInterval(() => void this.poll(), POLL_MS)
    this.#timer.unref()
    return this
  }

  close(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /**
   * The worker says its queue connection is open (its heartbeat after connecting): watch it
   * from now on, as if a look had seen it, so one killed before any look saw it (within a second
   * of connecting) is reported gone too, not left counted until its heartbeats expire.
   */
  expect(workerId: string): void {
    if (!this.#misses.has(workerId)) this.#misses.set(workerId, 0)
  }

  /**
   * Whether `workerId` is watched: seen connected (or {@link expect}ed), and not gone since. A
   * worker that never said it connected (older ones) and was killed before a look saw it is not:
   * its heartbeats expire instead.
   */
  watches(workerId: string): boolean {
    return (this.#misses.get(workerId) ?? GONE_AFTER_MISSES) < GONE_AFTER_MISSES
  }

  /** One look at Redis (what the timer runs). A look that fails changes nothing; one still under way is not doubled. */
  async poll(): Promise<void> {
    if (this.#polling) return
    this.#polling = true
    try {
      const presence = await this.read()
      if (this.#failing !== undefined) console.warn('[workers] Redis lists the workers again')
      this.#failing = undefined
      if (presence) this.#look(presence)
    } catch (error) {
      const reason = (error as Error).message
      if (reason !== this.#failing) console.warn(`[workers] cannot ask Redis which workers are connected: ${reason}`)
      this.#failing = reason
    } finally {
      this.#polling = false
    }
  }

  #look({ connected, running }: WorkerPresence): void {
    const holders = new Set(running.map((job) => job.workerId))
    for (const workerId of [...connected, ...holders]) if (connected.has(workerId) || !this.#misses.has(workerId)) this.#misses.set(workerId, 0)
    for (const [workerId, misses] of this.#misses) {
      if (connected.has(workerId)) continue
      if (misses + 1 === GONE_AFTER_MISSES) this.handlers.onGone(workerId)
      // Reported, and no job names it: nothing more to learn about it.
      if (misses + 1 >= GONE_AFTER_MISSES && !holders.has(workerId)) this.#misses.delete(workerId)
      else this.#misses.set(workerId, misses + 1)
    }
    const holderOf = new Map(running.map((job) => [job.jobId, job.workerId]))
    for (const [jobId, workerId] of this.#orphans) if (holderOf.get(jobId) !== workerId) this.#orphans.delete(jobId)
    for (const [jobId, workerId] of holderOf) {
      if ((this.#misses.get(workerId) ?? 0) < GONE_AFTER_MISSES || this.#orphans.has(jobId)) continue
      this.#orphans.set(jobId, workerId)
      this.handlers.onOrphaned(jobId, workerId)
    }
  }
}
