import type { ModelListResponse, ModelView } from '@storyloom/shared/generation/api'
import { WORKER_HEARTBEAT_MS, type WorkerHeartbeat } from '@storyloom/shared/generation/workerApi'

/** A worker is forgotten after three missed heartbeats. */
const WORKER_TTL_MS = WORKER_HEARTBEAT_MS * 3
/** How often silent workers are looked for, so the count drops soon after the TTL, not at the next read. */
const EXPIRY_CHECK_MS = 1_000

/**
 * The live workers and the models they can run, from their heartbeats. `GET /api/models` and
 * the create route's model checks read it; `onCountChange` hears when a worker joins, is
 * forgotten after {@link WORKER_TTL_MS} of silence, or is {@link forget}ten (it left, was found
 * lost, or its Redis connection closed: WorkerPresenceWatch). In memory: workers re-announce
 * within seconds of a server restart.
 */
export class WorkerRegistry {
  readonly #workers = new Map<string, { heartbeat: WorkerHeartbeat; seenAt: number }>()
  readonly #listeners = new Set<(heartbeat: WorkerHeartbeat) => void>()
  readonly #countListeners = new Set<(count: number) => void>()
  #timer: NodeJS.Timeout | undefined
  #lastRefusal: ModelListResponse['lastRefusal'] = null

  constructor(private readonly now: () => number = Date.now) {}

  /** Looks for expired workers every {@link EXPIRY_CHECK_MS} until {@link close}. */
  start(): this {
    this.#timer ??= setInterval(() => this.#live(), EXPIRY_CHECK_MS)
    this.#timer.unref()
    return this
  }

  close(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  heartbeat(heartbeat: WorkerHeartbeat): void {
    const joined = !this.#workers.has(heartbeat.workerId)
    this.#workers.set(heartbeat.workerId, { heartbeat, seenAt: this.now() })
    for (const listener of this.#listeners) listener(heartbeat)
    if (joined) {
      // A worker started after it: whatever that one got wrong may be fixed, so it no longer explains anything.
      this.#lastRefusal = null
      this.#countChanged()
    }
  }

  /** A worker stopped at start on its own set-up (`POST /api/worker/refusal`): kept as the reason none may be ready, until a worker joins. */
  refused(reason: string): void {
    this.#lastRefusal = { reason, at: this.now() }
    this.#countChanged()
  }

  /** The last worker refusal since a worker last joined (see {@link refused}). */
  lastRefusal(): ModelListResponse['lastRefusal'] {
    return this.#lastRefusal
  }

  /** The worker stopped, or was found lost (silent while running a job): it counts no more until it beats again. */
  forget(workerId: string): void {
    if (this.#workers.delete(workerId)) this.#countChanged()
  }

  /** Calls `listener` with every heartbeat; returns the unsubscribe. */
  onHeartbeat(listener: (heartbeat: WorkerHeartbeat) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Calls `listener` with the count whenever the live workers change, or one refused to start (what `GET /api/models` says changed); returns the unsubscribe. */
  onCountChange(listener: (count: number) => void): () => void {
    this.#countListeners.add(listener)
    return () => this.#countListeners.delete(listener)
  }

  /** Live workers. */
  count(): number {
    return this.#live().length
  }

  /** Every model at least one live worker runs, by id; `isDefault` when any worker defaults to it. */
  models(): ModelView[] {
    const byId = new Map<string, ModelView>()
    for (const { heartbeat } of this.#live()) {
      for (const model of heartbeat.models) {
        const known = byId.get(model.id)
        byId.set(model.id, known ? { ...known, isDefault: known.isDefault || model.isDefault } : model)
      }
    }
    return [...byId.values()].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.id.localeCompare(b.id))
  }

  /** The model a request without `modelId` will most likely get. */
  defaultModel(): ModelView | undefined {
    return this.models().find((model) => model.isDefault)
  }

  #live() {
    const cutoff = this.now() - WORKER_TTL_MS
    let expired = false
    for (const [id, entry] of this.#workers) {
      if (entry.seenAt >= cutoff) continue
      this.#workers.delete(id)
      expired = true
    }
    if (expired) this.#countChanged()
    return [...this.#workers.values()]
  }

  #countChanged(): void {
    const count = this.#workers.size
    for (const listener of this.#countListeners) {
      try {
        listener(count)
      } catch (error) {
        console.error('[workers] a count listener failed:', error)
      }
    }
  }
}
