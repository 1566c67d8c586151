import { workerSignalSchema, type WorkerJobResult, type WorkerSignal } from '@storyloom/shared/generation/workerApi'
import type { SettledJob } from '../queue/generationQueue'
import type { BoardEventHub } from '../events/boardEventHub'
import { resultViews, type GenerationQueueOf } from './generationService'

type JobPlace = { boardId: string; shotId: string }

/** Jobs whose board is remembered for signals; old entries are dropped first. */
const MAX_REMEMBERED_JOBS = 1000

/**
 * Turns what workers and the queue report into board events: worker signals (started,
 * progress, previews — over Redis pub/sub or in process) and the queue's final outcomes
 * (succeeded, failed), and lost workers (`worker_lost`). Signals that do not parse are
 * dropped: they come from outside.
 */
export class GenerationEventRelay {
  readonly #places = new Map<string, Promise<JobPlace | undefined>>()
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
   * The worker running `jobId` went silent (WorkerLossWatch): tells its board, unless the job
   * meanwhile ended or went back to the queue.
   */
  workerLost(jobId: string): void {
    this.queue.get(jobId).then(
      (job) => {
        if (job?.status !== 'running') return
        this.hub.publish({ type: 'worker_lost', boardId: job.boardId, shotId: job.shotId, generationId: job.id, at: Date.now() })
      },
      (error: unknown) => console.error("[generations] could not look up a lost worker's job:", error),
    )
  }

  close(): void {
    this.#stopSettled()
  }

  #publishSignal(place: JobPlace, signal: WorkerSignal): void {
    const base = { boardId: place.boardId, shotId: place.shotId, generationId: signal.jobId, at: Date.now() }
    switch (signal.type) {
      case 'started':
        return this.hub.publish({ type: 'started', ...base, attempt: signal.attempt, model: signal.model })
      case 'progress':
        return this.hub.publish({ type: 'progress', ...base, progress: signal.progress, variationIndex: signal.variationIndex, step: signal.step, totalSteps: signal.totalSteps })
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
    const base = { boardId: job.boardId, shotId: job.shotId, generationId: job.id, at: Date.now() }
    if (job.status === 'failed') {
      this.hub.publish({ type: 'failed', ...base, error: { code: 'generation_failed', message: job.error ?? 'the generation failed' } })
      return
    }
    if (job.result?.model) this.hub.publish({ type: 'succeeded', ...base, model: job.result.model, results: resultViews(job.boardId, job.result) })
  }

  /** Which board and shot a job belongs to (one lookup per job, shared by its signals). */
  #place(jobId: string): Promise<JobPlace | undefined> {
    let place = this.#places.get(jobId)
    if (!place) {
      place = this.queue.get(jobId).then((job) => job && { boardId: job.boardId, shotId: job.shotId })
      this.#places.set(jobId, place)
      if (this.#places.size > MAX_REMEMBERED_JOBS) {
        const oldest = this.#places.keys().next().value
        if (oldest !== undefined) this.#places.delete(oldest)
      }
    }
    return place
  }
}
