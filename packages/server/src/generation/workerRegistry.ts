import type { ModelView } from '@storyloom/shared/generation/api'
import { WORKER_HEARTBEAT_MS, type WorkerHeartbeat } from '@storyloom/shared/generation/workerApi'

/** A worker is forgotten after three missed heartbeats. */
const WORKER_TTL_MS = WORKER_HEARTBEAT_MS * 3

/**
 * The live workers and the models they can run, from their heartbeats. `GET /api/models` and
 * the create route's model checks read it. In memory: workers re-announce within seconds of a
 * server restart.
 */
export class WorkerRegistry {
  readonly #workers = new Map<string, { heartbeat: WorkerHeartbeat; seenAt: number }>()
  readonly #listeners = new Set<(heartbeat: WorkerHeartbeat) => void>()

  constructor(private readonly now: () => number = Date.now) {}

  heartbeat(heartbeat: WorkerHeartbeat): void {
    this.#workers.set(heartbeat.workerId, { heartbeat, seenAt: this.now() })
    for (const listener of this.#listeners) listener(heartbeat)
  }

  /** Calls `listener` with every heartbeat; returns the unsubscribe. */
  onHeartbeat(listener: (heartbeat: WorkerHeartbeat) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
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
    for (const [id, entry] of this.#workers) if (entry.seenAt < cutoff) this.#workers.delete(id)
    return [...this.#workers.values()]
  }
}
