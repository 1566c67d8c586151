import type { ModelView } from '@storyloom/shared/generation/api'
import type { DeviceRequest } from '../models/executionProviders'
import { readModelFolder } from '../models/modelFolder'
import { chooseDefaultModel, findModel, listModels, type InstalledModel } from '../models/modelRegistry'
import { ModelFolderError } from '../errors'
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
    this.#defaultModel = await chooseDefaultModel(this.modelsDir, this.options.preferredModelId !== undefined ? { preferredId: this.options.preferredModelId } : {})
    await this.get(this.#defaultModel.id)
    return this.#defaultModel
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
