import { formatJobFailure, generationFailureCodes } from '@storyloom/shared/generation/generationFailures'
import { generationParamsSchema, type GenerationJob, type GenerationParams } from '@storyloom/shared/generation/jobs'
import { UnrecoverableJobError, type JobContext, type JobHandler } from '@storyloom/shared/generation/jobSource'
import type { GenerationModel } from '@storyloom/shared/generation/api'
import type { WorkerJobResult, WorkerSignal } from '@storyloom/shared/generation/workerApi'
import { renderCameraMoveClip } from '../clip/renderCameraMoveClip'
import { GenerationCanceledError, InferenceProcessCrashedError } from '../errors'
import { encodePreview } from '../pipeline/latentPreview'
import { encodePng, type RgbImage } from '../pipeline/rgbImage'
import type { StepEvent } from '../pipeline/sdPipeline'
import { loadJobReferences, planJobReferences } from './jobReferences'
import { jobFailureError } from './jobFailure'
import { ProgressRecord } from './progressRecord'
import type { ModelPool } from './modelPool'
import { isRefusal, ServerCallError, type ServerClient } from './serverClient'

export type JobHandlerDeps = {
  models: ModelPool
  server: ServerClient
  /** Live signals: Redis pub/sub, or straight to the server in the embedded mode. */
  publish(signal: WorkerSignal): void
  /** TEST ONLY (`STORYLOOM_TEST_STEP_DELAY_MS`): slow every denoising step down. */
  stepDelayMs?: number
  /** Where a failed job's detail is written (default: console.warn); people see only a plain reason. */
  log?: (line: string) => void
  /** The server refused a call of the job (401/403: the token was changed): the worker's fault, not the job's. */
  onRefused?(error: ServerCallError): void
}

/** Part of a job's progress a clip stands for, next to its images. */
const CLIP_SHARE = 0.2

/**
 * The worker's job handler: asks the server whether the job is still wanted (`claim`), loads the job's model (the default when it names none) and the
 * references it uses (composition → image-to-image, others → image prompts), generates
 * each variation with step previews (see PreviewSchedule), uploads the images (and, for a shot with a camera
 * move, each take's clip over its image: any take picked plays its move) to the server and commits each as a version there. Commits
 * are idempotent on job + variation, and a job taken up again renders only the takes not yet
 * recorded, so a retried job never duplicates a take nor makes one twice. Cancel takes
 * effect between steps. Failures a retry cannot fix (bad parameters, a model that will not
 * load) fail the job at once, others (a crashed inference process) retry; either way the job
 * records a typed failure (see jobFailure.ts) and the worker's log the detail.
 */
export function createGenerationJobHandler(deps: JobHandlerDeps): JobHandler<WorkerJobResult> {
  return async (job, ctx) => {
    try {
      return await runJob(deps, job, ctx)
    } catch (error) {
      if (error instanceof GenerationCanceledError || ctx.signal.aborted) throw error
      // Not failed: another worker, with the right token, can run it (the job source gives it back).
      if (error instanceof ServerCallError && isRefusal(error)) {
        deps.onRefused?.(error)
        throw error
      }
      throw jobFailureError(job.id, error, deps.log)
    }
  }
}

async function runJob(deps: JobHandlerDeps, job: GenerationJob<WorkerJobResult>, ctx: JobContext): Promise<WorkerJobResult> {
  const parsed = generationParamsSchema.safeParse(job.params)
  if (!parsed.success) throw new UnrecoverableJobError(formatJobFailure({ code: generationFailureCodes.invalidSettings, detail: `invalid generation parameters: ${parsed.error.message}` }))
  const params = parsed.data
  // Before a model is loaded: a job whose board or shot went while it waited is dropped unrun
  // (the server canceled it, saying why), so no GPU time goes to a frame no one can see.
  const claim = await deps.server.claim(job.id)
  if (!claim.run) throw new UnrecoverableJobError(`dropped: ${claim.reason}`)
  const worker = await deps.models.get(params.modelId)
  const model: GenerationModel = { id: worker.model.id, name: worker.model.name, builtIn: worker.model.builtIn }
  deps.publish({ type: 'started', jobId: job.id, attempt: Math.max(1, job.attempts), model })

  // The platform AbortSignal the inference worker wants, following the queue's.
  const abort = new AbortController()
  const onAbort = () => abort.abort()
  ctx.signal.addEventListener('abort', onAbort, { once: true })
  try {
    const referenceUse = planJobReferences(params, worker.model)
    // On the job before any reference is fetched: if one then fails the job, it still says how each was to be used.
    if (referenceUse.length > 0) await ctx.recordReferenceUse(referenceUse)
    const { initImage, imagePrompts } = await loadJobReferences(deps.server, job.id, params, worker.model, referenceUse)
    const withClip = params.clip !== undefined && params.motion.some((m) => m.kind !== 'subject')
    // Each take's share of the progress: its image, then its clip.
    const takeShare = 1 / params.variations
    const imageShare = takeShare * (withClip ? 1 - CLIP_SHARE : 1)
    const results: WorkerJobResult['results'] = []
    const record = new ProgressRecord((progress) => ctx.reportProgress(progress))
    // Taken up again (its worker stopped or gave it back): the takes that landed are not made twice.
    const landed = new Map((await deps.server.recordedTakes(job.id)).map((take) => [take.variationIndex, take]))
    for (let variationIndex = 0; variationIndex < params.variations; variationIndex++) {
      const take = landed.get(variationIndex)
      if (take) {
        results.push(take)
        continue
      }
      const seed = (params.seed + variationIndex) % 0x1_0000_0000
      const previews = new PreviewSender(deps, job.id, variationIndex)
      const generated = await worker.generate(
        {
          prompt: params.prompt,
          negativePrompt: params.negativePrompt,
          seed,
          steps: params.steps,
          guidance: params.guidance,
          width: params.width,
          height: params.height,
          ...(initImage ? { initImage, strength: params.strength ?? 0.6 } : {}),
          ...(imagePrompts.length > 0 ? { imagePrompts } : {}),
        },
        {
          signal: abort.signal,
          ...(deps.stepDelayMs ? { stepDelayMs: deps.stepDelayMs } : {}),
          onStep: (event) => {
            const progress = Math.min(1, takeShare * variationIndex + imageShare * (event.step / event.totalSteps))
            deps.publish({ type: 'progress', jobId: job.id, progress, variationIndex, step: event.step, totalSteps: event.totalSteps })
            previews.offer(event)
            record.offer(progress)
          },
        },
      )
      const image = await deps.server.uploadAsset(job.id, await encodePng(generated.image), 'image/png')
      const clip = withClip ? await renderClip(deps, job.id, params, seed, generated.image, abort.signal) : undefined
      const commit = await deps.server.commitResult(job.id, {
        variationIndex,
        seed,
        model,
        image: { assetId: image.assetId, width: generated.image.width, height: generated.image.height },
        ...(clip ? { clip: { assetId: clip.assetId } } : {}),
        notes: clip?.notes ?? [],
        referenceUse,
      })
      results.push({ variationIndex, seed, versionId: commit.versionId, image: { assetId: image.assetId, width: generated.image.width, height: generated.image.height }, ...(clip ? { clip: { assetId: clip.assetId } } : {}) })
      await ctx.reportProgress(takeShare * (variationIndex + 1))
    }
    return { model, referenceUse, results }
  } catch (error) {
    if (error instanceof InferenceProcessCrashedError && !ctx.signal.aborted) {
      // Said at once (the queue's retry and the model's reload take seconds), and the model
      // reloads now, during the queue's retry delay: the retry finds it loading or loaded. Once
      // per crashed run, so a process that keeps dying costs one load per attempt, no more.
      deps.publish({ type: 'restarting', jobId: job.id })
      deps.models.get(params.modelId).catch(() => undefined)
    }
    throw error
  } finally {
    ctx.signal.removeEventListener('abort', onAbort)
  }
}

/** A take's clip: the camera move over its image, with its own seed (as the take was made). */
async function renderClip(deps: JobHandlerDeps, jobId: string, params: GenerationParams, seed: number, keyframe: RgbImage, signal: AbortSignal) {
  if (!params.clip) return undefined
  const rendered = await renderCameraMoveClip(keyframe, params.motion, { fps: params.clip.fps, durationSeconds: params.clip.durationSeconds, seed, signal })
  const uploaded = await deps.server.uploadAsset(jobId, rendered.bytes, rendered.mediaType)
  return { assetId: uploaded.assetId, notes: rendered.notes }
}

/**
 * Encodes and publishes step previews, latest wins: while one is being encoded, newer steps
 * replace the waiting one, so a slow encode never queues work behind fast steps.
 */
class PreviewSender {
  #encoding = false
  #waiting: StepEvent | undefined

  constructor(
    private readonly deps: JobHandlerDeps,
    private readonly jobId: string,
    private readonly variationIndex: number,
  ) {}

  offer(event: StepEvent): void {
    if (!event.preview) return
    this.#waiting = event
    if (!this.#encoding) void this.#drain()
  }

  async #drain(): Promise<void> {
    this.#encoding = true
    try {
      while (this.#waiting) {
        const event = this.#waiting
        this.#waiting = undefined
        const preview = event.preview
        if (!preview) continue
        const sentAt = Date.now()
        const encoded = await encodePreview(preview)
        this.deps.publish({
          type: 'preview',
          jobId: this.jobId,
          variationIndex: this.variationIndex,
          step: event.step,
          totalSteps: event.totalSteps,
          mediaType: encoded.mediaType,
          data: encoded.bytes.toString('base64'),
          width: encoded.width,
          height: encoded.height,
          sentAt,
        })
      }
    } catch (error) {
      console.warn(`storyloom worker: a preview could not be encoded: ${(error as Error).message}`)
    } finally {
      this.#encoding = false
    }
  }
}
