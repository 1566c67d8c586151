import * as ort from 'onnxruntime-node'
import type { ModelManifest } from '@storyloom/shared/generation/modelManifest'
import { ModelLoadError } from '../errors'
import { loadClipTokenizer, type ClipTokenizer } from '../tokenizer/clipTokenizer'
import type { SchedulerConfig, SchedulerKind } from '../scheduler/schedulerConfig'
import { generate } from '../pipeline/sdPipeline'
import { chooseExecutionProviders, detectBackends, type DeviceRequest } from './executionProviders'
import { readModelFolder, type ModelFolder, type OptionalComponent, type RequiredComponent } from './modelFolder'
import { checkModelSignature, type ComponentMetadata, type ModelComponent, type ModelSignature } from './modelSignature'

/** Options for {@link loadModel}. */
export type LoadModelOptions = {
  /** Which device to run on; `auto` (default) uses CUDA when onnxruntime has it. */
  device?: DeviceRequest
  /** Run one small generation after loading so the first real job does not pay for lazy initialisation. Default true. */
  warmUp?: boolean
  /** Threads per operator on CPU (onnxruntime's default: all cores). */
  intraOpThreads?: number
}

/** Plain-data facts about a loaded model, safe to send across threads or to the server. */
export type ModelInfo = {
  id: string
  name: string
  family: ModelManifest['family']
  license: string
  nonCommercial: boolean
  builtIn: boolean
  dir: string
  /** e.g. "cpu" or "cuda:0". */
  device: string
  scheduler: SchedulerKind
  supportsImageToImage: boolean
  /** The folder has an image encoder and the UNet takes `image_embeds`: references condition it. */
  supportsImagePrompts: boolean
  /** Side of the square image its image encoder takes, or null without image prompts. */
  imagePromptSize: number | null
  defaults: ModelManifest['defaults']
}

/** A model whose sessions are open and checked, ready for {@link generate}. */
export type LoadedModel = {
  info: ModelInfo
  folder: ModelFolder
  signature: ModelSignature
  tokenizer: ClipTokenizer
  scheduler: SchedulerConfig
  sessions: Record<RequiredComponent, ort.InferenceSession> & Record<OptionalComponent, ort.InferenceSession | null>
  /** Closes every session. */
  release(): Promise<void>
}

function metadataOf(session: ort.InferenceSession): ComponentMetadata {
  return { inputs: session.inputMetadata, outputs: session.outputMetadata }
}

/**
 * Loads a model folder: checks its layout and files, opens one onnxruntime session per
 * component on the chosen device, checks every session's signature, loads the tokenizer and
 * (by default) warms the model up with a one-step generation.
 *
 * Errors: {@link ModelFolderError} (layout, manifest, tokenizer), {@link ModelLoadError}
 * (onnxruntime could not open a file, or the device is unavailable), {@link ModelSignatureError}
 * (inputs/outputs are not a Stable-Diffusion export's), {@link ModelRunError} (warm-up failed).
 */
export async function loadModel(dir: string, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const folder = await readModelFolder(dir)
  const choice = chooseExecutionProviders(options.device ?? 'auto', detectBackends())
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: choice.providers,
    graphOptimizationLevel: 'all',
    ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
    // onnxruntime's CPU threads spin after each parallel section by default, against the
    // worker's own main process (previews, uploads, lock renewal) and anything else on the
    // machine. On the loaded 2-core reference machine, sessions of the pipeline bench's heavier
    // model were 15–30% faster without spinning (interleaved A/B, 3 runs); the tiny model's
    // showed no clear difference.
    ...(choice.device === 'cpu' ? { extra: { 'session.intra_op.allow_spinning': '0' } } : {}),
  }
  const opened: ort.InferenceSession[] = []
  const open = async (component: ModelComponent, path: string) => {
    try {
      const session = await ort.InferenceSession.create(path, sessionOptions)
      opened.push(session)
      return session
    } catch (cause) {
      throw new ModelLoadError(`${folder.dir}: onnxruntime could not open ${component}/model.onnx on ${choice.device}: ${(cause as Error).message}`, { cause })
    }
  }
  const releaseAll = () => Promise.all(opened.map((s) => s.release().catch(() => undefined))).then(() => undefined)

  try {
    const sessions = {
      text_encoder: await open('text_encoder', folder.onnx.text_encoder),
      unet: await open('unet', folder.onnx.unet),
      vae_decoder: await open('vae_decoder', folder.onnx.vae_decoder),
      vae_encoder: folder.onnx.vae_encoder ? await open('vae_encoder', folder.onnx.vae_encoder) : null,
      image_encoder: folder.onnx.image_encoder ? await open('image_encoder', folder.onnx.image_encoder) : null,
    }
    const signature = checkModelSignature(folder.dir, {
      text_encoder: metadataOf(sessions.text_encoder),
      unet: metadataOf(sessions.unet),
      vae_decoder: metadataOf(sessions.vae_decoder),
      ...(sessions.vae_encoder ? { vae_encoder: metadataOf(sessions.vae_encoder) } : {}),
      ...(sessions.image_encoder ? { image_encoder: metadataOf(sessions.image_encoder) } : {}),
    })
    const tokenizer = await loadClipTokenizer(folder.tokenizerDir, folder.manifest.padTokenId === undefined ? {} : { padTokenId: folder.manifest.padTokenId })
    // An LCM UNet (timestep_cond) needs the LCM sampler even if its folder has no scheduler config.
    const scheduler = signature.timestepCondDim !== null && folder.manifest.scheduler === undefined ? { ...folder.scheduler, kind: 'lcm' as const } : folder.scheduler
    const { manifest } = folder
    const model: LoadedModel = {
      info: {
        id: manifest.id,
        name: manifest.name,
        family: manifest.family,
        license: manifest.license,
        nonCommercial: manifest.nonCommercial,
        builtIn: manifest.builtIn,
        dir: folder.dir,
        device: choice.device,
        scheduler: scheduler.kind,
        supportsImageToImage: sessions.vae_encoder !== null,
        supportsImagePrompts: signature.imagePrompt !== null,
        imagePromptSize: signature.imagePrompt?.imageSize ?? null,
        defaults: manifest.defaults,
      },
      folder,
      signature,
      tokenizer,
      scheduler,
      sessions,
      release: releaseAll,
    }
    if (options.warmUp ?? true) await warmUp(model)
    return model
  } catch (error) {
    await releaseAll()
    throw error
  }
}

/** One smallest-size, one-step generation (and one pass of each encoder) to initialise every session. */
async function warmUp(model: LoadedModel): Promise<void> {
  const size = 64
  const params = { prompt: '', seed: 0, steps: 1, guidance: model.info.scheduler === 'lcm' ? 1 : 0, width: size, height: size }
  const grey = (side: number) => ({ width: side, height: side, data: new Uint8Array(side * side * 3).fill(128) })
  await generate(model, { ...params, ...(model.signature.imagePrompt ? { imagePrompts: [{ image: grey(model.signature.imagePrompt.imageSize), weight: 0.5 }] } : {}) })
  if (model.sessions.vae_encoder) {
    await generate(model, { ...params, steps: 1, strength: 1, initImage: grey(size) })
  }
}
