import { workerSignalSchema, type WorkerJobResult, type WorkerSignal } from '@storyloom/shared/generation/workerApi'
import { generationFailureView } from '@storyloom/shared/generation/generationFailures'
import type { SettledJob } from '../queue/generationQueue'
import type { BoardEventHub } from '../events/boardEventHub'
import { resultViews, type GenerationQueueOf } from './generationService'

type JobPlace = { boardId: string; shotId: string }

/** Jobs whose board is remembered for signals, and jobs whose worker was lost; old entries are dropped first. */
const MAX_REMEMBERED_JOBS = 1000

/**
 * Turns what workers and the queue report into board events: worker signals (started,
 * progress, previews — over Redis pub/sub or in process) and the queue's final outcomes
 * (succeeded, failed), and lost workers (`worker_lost`). Signals that do not parse are
 * dropped: they come from outside. Remembers which jobs wait after a lost worker
 * ({@link workerLostAt}) until the job's next signal or outcome, so clients that load the list
 * meanwhile show what those on the channel saw; in memory only, like previews.
 */
export class GenerationEventRelay {
  readonly #places = new Map<string, Promise<JobPlace | undefined>>()
  readonly #lost = new Map<string, number>()
  readonly #stopSettled: () => void

  constructor(
    private readonly queue: GenerationQueueOf,
    private readonly hub: BoardEventHub,
  ) {
    this.#stopSettled = queue.onSettled((job) => this.#settled(job))
  }

  /** A signal from a worker, as received (validated here). */
  signal(raw: unknown): void {
    const parsed = workerSignalSchema.safeParse(raw)
    if (!parsed.success) {
      console.warn('[generations] dropped a malformed worker signal')
      return
    }
    const signal = parsed.data
    this.#place(signal.jobId).then(
      (place) => place && this.#publishSignal(place, signal),
      (error: unknown) => console.error('[generations] could not look up a signal\'s job:', error),
    )
  }

  /**
   * The worker running `jobId` went silent (WorkerLossWatch) or lost its Redis connection
   * (WorkerPresenceWatch): tells its board, unless the job meanwhile ended or went back to the
   * queue, or its board was already told (both watches find the same loss).
   */
  workerLost(jobId: string): void {
    this.queue.get(jobId).then(
      (job) => {
        if (job?.status !== 'running' || this.#lost.has(jobId)) return
        const at = Date.now()
        remember(this.#lost, jobId, at)
        this.hub.publish({ type: 'worker_lost', boardId: job.boardId, shotId: job.shotId, generationId: job.id, at })
      },
      (error: unknown) => console.error("[generations] could not look up a lost worker's job:", error),
    )
  }

  /**
   * When the worker running `jobId` was found lost, while no later signal or outcome of the job
   * came: the `at` of its `worker_lost` event. The caller shows it only while the job runs (a
   * canceled job sends no signal to clear it).
   */
  workerLostAt(jobId: string): number | undefined {
    return this.#lost.get(jobId)
  }

  close(): void {
    this.#stopSettled()
  }

  #publishSignal(place: JobPlace, signal: WorkerSignal): void {
    // As on the clients: any sign of life means it moved again (another worker took it).
    this.#lost.delete(signal.jobId)
    const base = { boardId: place.boardId, shotId: place.shotId, generationId: signal.jobId, at: Date.now() }
    switch (signal.type) {
      case 'started':
        return this.hub.publish({ type: 'started', ...base, attempt: signal.attempt, model: signal.model })
      case 'progress':
        return this.hub.publish({ type: 'progress', ...base, progress: signal.progress, variationIndex: signal.variationIndex, step: signal.step, totalSteps: signal.totalSteps })
      case 'restarting':
        // Not kept for the list: the queue has the job waiting for its retry meanwhile.
        return this.hub.publish({ type: 'worker_lost', ...base, restarting: true })
      case 'preview':
        return this.hub.publish({
          type: 'preview',
          ...base,
          variationIndex: signal.variationIndex,
          step: signal.step,
          totalSteps: signal.totalSteps,
          image: `data:${signal.mediaType};base64,${signal.data}`,
          width: signal.width,
          height: signal.height,
        })
    }
  }

  #settled(job: SettledJob<WorkerJobResult>): void {
    this.#places.delete(job.id)
    this.#lost.delete(job.id)
    const base = { boardId: job.boardId, shotId: job.shotId, generationId: job.id, at: Date.now() }
    if (job.status === 'failed') {
      this.hub.publish({ type: 'failed', ...base, error: generationFailureView(job.error) })
      return
    }
    if (job.result?.model) this.hub.publish({ type: 'succeeded', ...base, model: job.result.model, results: resultViews(job.boardId, job.result) })
  }

  /** Which board and shot a job belongs to (one lookup per job, shared by its signals). */
  #place(jobId: string): Promise<JobPlace | undefined> {
    let place = this.#places.get(jobId)
    if (!place) {
      place = this.queue.get(jobId).then((job) => job && { boardId: job.boardId, shotId: job.shotId })
      remember(this.#places, jobId, place)
    }
    return place
  }
}

/** Sets `key` in `map`, dropping the oldest entry beyond {@link MAX_REMEMBERED_JOBS}. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value)
  if (map.size <= MAX_REMEMBERED_JOBS) return
  const oldest = map.keys().next().value
  if (oldest !== undefined) map.delete(oldest)
}
