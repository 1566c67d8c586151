import type { ModelView } from '@storyloom/shared/generation/api'
import type { DeviceRequest } from '../models/executionProviders'
import { readModelFolder } from '../models/modelFolder'
import { chooseDefaultModel, findModel, listModels, type InstalledModel } from '../models/modelRegistry'
import { ModelFolderError, ModelLoadError, ModelSignatureError } from '../errors'
import { InferenceWorker } from '../pipeline/inferenceWorker'

/** What a generation uses when a model's manifest gives no default. */
const FALLBACK_DEFAULTS = { steps: 4, guidance: 1, width: 512, height: 512 }

/**
 * The worker's loaded model: one at a time (a GPU holds one comfortably), in its own inference
 * process, swapped when a job asks for another. The default model is loaded and warmed up at
 * start, so the first job does not pay for it.
 */
export class ModelPool {
  #current: { id: string; worker: Promise<InferenceWorker> } | undefined
  #defaultModel: InstalledModel | undefined

  constructor(
    private readonly modelsDir: string,
    private readonly options: { device: DeviceRequest; preferredModelId?: string },
  ) {}

  /** Chooses the default model (building the built-in one if nothing is installed) and warms it up. */
  async start(): Promise<InstalledModel> {
    if (this.options.preferredModelId !== undefined) return this.#warmUp(await chooseDefaultModel(this.modelsDir, { preferredId: this.options.preferredModelId }))
    // Not named by STORYLOOM_MODEL: a model folder copied in by hand whose ONNX files do not load
    // (a truncated download) must not leave the worker with no model, so the next one is tried,
    // and at last the built-in one. A job that asks for it by name gets its reason.
    const skip: string[] = []
    for (;;) {
      const model = await chooseDefaultModel(this.modelsDir, { skip })
      try {
        return await this.#warmUp(model)
      } catch (error) {
        if (model.builtIn || !(error instanceof ModelLoadError || error instanceof ModelSignatureError)) throw error
        console.error(`[worker] model "${model.id}" does not load, so another is the default: ${error.message.replace(/\.$/u, '')} (\`pnpm models list --check\` checks every model)`)
        skip.push(model.id)
      }
    }
  }

  async #warmUp(model: InstalledModel): Promise<InstalledModel> {
    this.#defaultModel = model
    await this.get(model.id)
    return model
  }

  /** The loaded worker for `modelId` (the default when absent), loading it if needed. */
  async get(modelId: string | undefined): Promise<InferenceWorker> {
    const id = modelId ?? this.#defaultModel?.id
    if (id === undefined) throw new ModelFolderError('the worker has not chosen a default model yet')
    if (this.#current?.id === id) {
      const worker = await this.#current.worker
      if (!worker.isDead) return worker
    }
    const previous = this.#current
    const loading = (async () => {
      if (previous) await (await previous.worker.catch(() => undefined))?.close()
      const model = await findModel(this.modelsDir, id)
      if (!model) throw new ModelFolderError(`this worker has no usable model "${id}"`)
      return InferenceWorker.start(model.dir, { device: this.options.device })
    })()
    this.#current = { id, worker: loading }
    // A failed load is not cached: the next job tries again.
    loading.catch(() => {
      if (this.#current?.worker === loading) this.#current = undefined
    })
    return loading
  }

  /** Every usable model here, for the heartbeat (`GET /api/models`). */
  async advertised(): Promise<ModelView[]> {
    const listings = await listModels(this.modelsDir)
    const views: ModelView[] = []
    for (const listing of listings) {
      if (!listing.usable) continue
      const folder = await readModelFolder(listing.dir).catch(() => undefined)
      if (!folder) continue
      views.push({
        id: listing.id,
        name: listing.name,
        family: listing.family,
        license: listing.license,
        nonCommercial: listing.nonCommercial,
        builtIn: listing.builtIn,
        supportsImageToImage: listing.supportsImageToImage,
        supportsImagePrompts: listing.supportsImagePrompts,
        isDefault: listing.id === this.#defaultModel?.id,
        defaults: { ...FALLBACK_DEFAULTS, ...folder.manifest.defaults },
      })
    }
    return views
  }

  /** The device the loaded model runs on, e.g. `cpu` or `cuda:0`. */
  async device(): Promise<string> {
    const worker = await this.#current?.worker.catch(() => undefined)
    return worker?.model.device ?? 'unknown'
  }

  async close(): Promise<void> {
    const worker = await this.#current?.worker.catch(() => undefined)
    this.#current = undefined
    await worker?.close()
  }
}
