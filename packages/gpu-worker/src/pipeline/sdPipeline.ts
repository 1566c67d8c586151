import type * as ort from 'onnxruntime-node'
import { GenerationCanceledError, InvalidGenerationParamsError, ModelRunError } from '../errors'
import type { LoadedModel } from '../models/loadModel'
import type { ModelComponent } from '../models/modelSignature'
import { guidanceScaleEmbedding } from '../scheduler/lcmScheduler'
import { createScheduler } from '../scheduler/scheduler'
import { floatTensor, idsTensor, readFloats, timestepTensor } from '../tensors/ortTensors'
import { prepareImagePrompts, validateImagePrompts, type ImagePrompt } from './imagePrompts'
import { latentToRgb } from './latentPreview'
import { PREVIEW_INTERVAL_MS, PreviewSchedule } from './previewSchedule'
import { rgbToTensor, tensorToRgb, type RgbImage } from './rgbImage'
import { MAX_SEED, SeededRandom } from './seededNoise'

/** What to generate. Image-to-image when `initImage` (with `strength`) is given. */
export type GenerationParams = {
  prompt: string
  /** What to steer away from; used only with classifier-free guidance (guidance > 1). */
  negativePrompt?: string
  seed: number
  steps: number
  /** Classifier-free guidance scale. Turbo models use 0 or 1 (no guidance, one UNet pass per step). */
  guidance: number
  /** Multiples of 8 (the VAE's factor), from 64 to 2048; 64 is the safe multiple for every UNet. */
  width: number
  height: number
  /** Image-to-image: how much of the init image is re-imagined, in (0, 1]. */
  strength?: number
  /** Image-to-image source, exactly `width` × `height` (see decodeInitImage). */
  initImage?: RgbImage
  /** Image prompts (IP-Adapter style), for a model whose signature has `imagePrompt` (see decodeReferenceImage). */
  imagePrompts?: ImagePrompt[]
}

/** Reported after every denoising step. */
export type StepEvent = {
  /** 1-based. */
  step: number
  totalSteps: number
  timestep: number
  /**
   * The predicted clean latent mapped to RGB at latent resolution (width/8 × height/8), for the
   * steps that get one (see {@link PreviewSchedule}); null for the others and when previews are off.
   */
  preview: RgbImage | null
}

export type GenerateOptions = {
  /** Checked between steps; an aborted signal ends the generation with {@link GenerationCanceledError}. */
  signal?: { readonly aborted: boolean }
  onStep?: (event: StepEvent) => void
  /** Compute previews for `onStep` (default true). */
  previews?: boolean
  /** Shortest time between two previews (default {@link PREVIEW_INTERVAL_MS}); 0 gives one every step but the last. */
  previewIntervalMs?: number
  /** The clock previews are scheduled by, in ms (default `performance.now`); tests inject one. */
  previewClock?: () => number
  /**
   * TEST ONLY (`STORYLOOM_TEST_STEP_DELAY_MS`): make each step take this much longer, so browser
   * tests can watch progress and cancel mid-run with a model that otherwise finishes in
   * milliseconds. The wait is part of the step, before it is reported, so previews are scheduled
   * as for a model this slow (see {@link PreviewSchedule}).
   */
  stepDelayMs?: number
}

/** Time spent, for logs and the pipeline-overhead benchmark. */
export type GenerationTimings = {
  totalMs: number
  /** Sum of all onnxruntime session runs. */
  sessionMs: number
  runs: Record<ModelComponent, { count: number; ms: number }>
}

export type GenerationResult = { image: RgbImage; timesteps: number[]; timings: GenerationTimings }

export const MAX_IMAGE_SIDE = 2048
export const MAX_STEPS = 150
export const MAX_GUIDANCE = 30

/**
 * Checks parameters against the model before any work starts. Throws
 * {@link InvalidGenerationParamsError} with a message a user can act on.
 */
export function validateGenerationParams(model: LoadedModel, params: GenerationParams): void {
  const bad = (message: string): never => {
    throw new InvalidGenerationParamsError(message)
  }
  for (const [side, value] of [['width', params.width], ['height', params.height]] as const) {
    if (!Number.isInteger(value) || value < 64 || value > MAX_IMAGE_SIDE || value % 8 !== 0) bad(`${side} must be a multiple of 8 from 64 to ${MAX_IMAGE_SIDE}, got ${value}`)
  }
  if (!Number.isInteger(params.steps) || params.steps < 1 || params.steps > MAX_STEPS) bad(`steps must be an integer from 1 to ${MAX_STEPS}, got ${params.steps}`)
  if (!(params.guidance >= 0 && params.guidance <= MAX_GUIDANCE)) bad(`guidance must be from 0 to ${MAX_GUIDANCE}, got ${params.guidance}`)
  if (!Number.isSafeInteger(params.seed) || params.seed < 0) bad(`seed must be an integer from 0 to ${MAX_SEED}, got ${params.seed}`)
  if (typeof params.prompt !== 'string') bad('prompt must be text')
  const { initImage, strength } = params
  if (initImage) {
    if (!model.sessions.vae_encoder) bad(`${model.info.name} has no VAE encoder, so it cannot do image-to-image`)
    if (initImage.width !== params.width || initImage.height !== params.height || initImage.data.length !== params.width * params.height * 3) {
      bad(`the init image must be ${params.width}×${params.height} RGB, got ${initImage.width}×${initImage.height}`)
    }
    if (strength === undefined) bad('image-to-image needs a strength')
  } else if (strength !== undefined && strength !== 1) {
    bad('strength only applies to image-to-image: give an init image')
  }
  validateImagePrompts(model, params.imagePrompts ?? [])
}

/**
 * Runs one generation on a loaded model: tokenize, encode text, (for image-to-image) encode
 * and noise the init image, denoise step by step with the model's sampler, decode.
 * Deterministic for a given model, parameters and seed.
 *
 * Errors: {@link InvalidGenerationParamsError}, {@link GenerationCanceledError} (signal aborted
 * between steps), {@link ModelRunError} (a session threw or produced NaNs).
 */
export async function generate(model: LoadedModel, params: GenerationParams, options: GenerateOptions = {}): Promise<GenerationResult> {
  const started = performance.now()
  validateGenerationParams(model, params)
  const { signature, sessions } = model
  const scheduler = createScheduler(model.scheduler, { steps: params.steps, ...(params.initImage ? { strength: params.strength ?? 1 } : {}) })
  const runs: GenerationTimings['runs'] = {
    text_encoder: { count: 0, ms: 0 },
    unet: { count: 0, ms: 0 },
    vae_decoder: { count: 0, ms: 0 },
    vae_encoder: { count: 0, ms: 0 },
    image_encoder: { count: 0, ms: 0 },
  }

  const run = async (component: ModelComponent, session: ort.InferenceSession, feeds: Record<string, ort.Tensor>) => {
    const t0 = performance.now()
    try {
      return await session.run(feeds)
    } catch (cause) {
      throw new ModelRunError(`${model.info.name}: ${component} failed: ${(cause as Error).message}`, { cause })
    } finally {
      runs[component].count++
      runs[component].ms += performance.now() - t0
    }
  }
  const checkCanceled = () => {
    if (options.signal?.aborted) throw new GenerationCanceledError()
  }

  const encodeText = async (text: string) => {
    const out = await run('text_encoder', sessions.text_encoder, { input_ids: idsTensor(signature.inputIdsType, model.tokenizer.encode(text)) })
    return readFloats(out.last_hidden_state, 'text_encoder last_hidden_state')
  }

  // LCM UNets take guidance as an embedding; other models use classifier-free guidance.
  const embeddedGuidance = signature.timestepCondDim !== null
  const useCfg = !embeddedGuidance && params.guidance > 1
  checkCanceled()
  const cond = await encodeText(params.prompt)
  const uncond = useCfg ? await encodeText(params.negativePrompt ?? '') : null
  const contextLength = model.tokenizer.contextLength
  const hiddenSize = cond.length / contextLength
  const imageEncoder = sessions.image_encoder
  const imagePromptFeeds = imageEncoder ? await prepareImagePrompts(model, params.imagePrompts ?? [], (feeds) => run('image_encoder', imageEncoder, feeds)) : null

  const latentW = params.width / 8
  const latentH = params.height / 8
  const latentSize = 4 * latentW * latentH
  const random = new SeededRandom(params.seed)
  const noise = (length: number) => random.gaussian(length)
  const unetFloat = signature.floatTypes.unet
  // A UNet with a fixed batch of 1 gets the two guidance halves as two runs.
  const batchGuidance = signature.unetBatch === null || signature.unetBatch === 2
  // The same for every step: computed once.
  const guidanceEmbedding = signature.timestepCondDim === null ? null : guidanceScaleEmbedding(params.guidance, signature.timestepCondDim)

  /** `unconditional`: how many leading batch items are guidance's unconditional half (no image prompts). */
  const runUnet = async (sample: Float32Array, context: Float32Array, batch: number, timestep: number, unconditional = 0) => {
    const feeds: Record<string, ort.Tensor> = {
      sample: floatTensor(unetFloat, sample, [batch, 4, latentH, latentW]),
      timestep: timestepTensor(signature.timestep.type, timestep, signature.timestep.rank, signature.timestep.length ?? batch),
      encoder_hidden_states: floatTensor(unetFloat, context, [batch, contextLength, hiddenSize]),
      ...imagePromptFeeds?.(batch, unconditional),
    }
    if (guidanceEmbedding) {
      const batched = new Float32Array(guidanceEmbedding.length * batch)
      for (let b = 0; b < batch; b++) batched.set(guidanceEmbedding, b * guidanceEmbedding.length)
      feeds.timestep_cond = floatTensor(unetFloat, batched, [batch, guidanceEmbedding.length])
    }
    const out = await run('unet', sessions.unet, feeds)
    return readFloats(out.out_sample, 'unet out_sample')
  }

  const predictNoise = async (sample: Float32Array, timestep: number) => {
    if (!uncond) return runUnet(sample, cond, 1, timestep)
    let unconditional: Float32Array
    let conditional: Float32Array
    if (batchGuidance) {
      const both = await runUnet(concat(sample, sample), concat(uncond, cond), 2, timestep, 1)
      unconditional = both.subarray(0, latentSize)
      conditional = both.subarray(latentSize, 2 * latentSize)
    } else {
      unconditional = await runUnet(sample, uncond, 1, timestep, 1)
      conditional = await runUnet(sample, cond, 1, timestep)
    }
    return guide(unconditional, conditional, params.guidance)
  }

  let latent: Float32Array
  if (params.initImage && sessions.vae_encoder) {
    checkCanceled()
    const encoded = await run('vae_encoder', sessions.vae_encoder, {
      sample: floatTensor(signature.floatTypes.vae_encoder, rgbToTensor(params.initImage), [1, 3, params.height, params.width]),
    })
    const output = signature.vaeEncoderOutput === 'latent_parameters' ? encoded.latent_parameters : encoded.latent_sample
    // The posterior's mean (first 4 channels of latent_parameters): deterministic for a seed.
    const mean = readFloats(output, `vae_encoder ${signature.vaeEncoderOutput}`).subarray(0, latentSize)
    const init = mean.map((v) => v * model.folder.vaeScalingFactor)
    latent = scheduler.addNoise(init, noise(latentSize))
  } else {
    latent = scaleInPlace(noise(latentSize), scheduler.initNoiseSigma)
  }

  const total = scheduler.timesteps.length
  const previews = options.onStep && options.previews !== false ? new PreviewSchedule(total, options.previewIntervalMs ?? PREVIEW_INTERVAL_MS, options.previewClock) : null
  for (let i = 0; i < total; i++) {
    checkCanceled()
    const timestep = scheduler.timesteps[i] as number
    const eps = await predictNoise(scheduler.scaleModelInput(latent, i), timestep)
    const { prevSample, denoised } = scheduler.step(eps, i, latent, noise)
    latent = prevSample
    if (options.stepDelayMs) await new Promise((resolve) => setTimeout(resolve, options.stepDelayMs))
    if (options.onStep) {
      const preview = previews?.take(i + 1) ? latentToRgb(denoised, latentW, latentH) : null
      options.onStep({ step: i + 1, totalSteps: total, timestep, preview })
    }
  }
  const unscaled = divideUnlessNaN(latent, model.folder.vaeScalingFactor)
  if (!unscaled) throw new ModelRunError(`${model.info.name}: the UNet produced NaN values`)

  checkCanceled()
  const decoded = await run('vae_decoder', sessions.vae_decoder, {
    latent_sample: floatTensor(signature.floatTypes.vae_decoder, unscaled, [1, 4, latentH, latentW]),
  })
  const sample = decoded.sample
  const dims = sample?.dims ?? []
  if (dims[2] !== params.height || dims[3] !== params.width) {
    throw new ModelRunError(`${model.info.name}: vae_decoder returned ${dims.join('×')}, expected 1×3×${params.height}×${params.width}`)
  }
  const image = tensorToRgb(readFloats(sample, 'vae_decoder sample'), params.width, params.height)
  const sessionMs = Object.values(runs).reduce((sum, r) => sum + r.ms, 0)
  return { image, timesteps: [...scheduler.timesteps], timings: { totalMs: performance.now() - started, sessionMs, runs } }
}

// The per-element loops live in small functions of their own: written inline in the long async
// `generate`, they showed ~2 ms of its self time a generation at 512×288 (--cpu-prof), likely
// left unoptimised; here they cost a few tenths of a millisecond.

/** Classifier-free guidance: u + g·(c − u). */
function guide(unconditional: Float32Array, conditional: Float32Array, g: number): Float32Array {
  const guided = new Float32Array(unconditional.length)
  for (let i = 0; i < guided.length; i++) {
    const u = unconditional[i] as number
    guided[i] = u + g * ((conditional[i] as number) - u)
  }
  return guided
}

/** Multiplies `values` by `factor` in place and returns it. */
function scaleInPlace(values: Float32Array, factor: number): Float32Array {
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * factor
  return values
}

/** `values` / `divisor` in one pass that also looks for NaNs: null if there is one. */
function divideUnlessNaN(values: Float32Array, divisor: number): Float32Array | null {
  const out = new Float32Array(values.length)
  let nan = false
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (v !== v) nan = true
    out[i] = v / divisor
  }
  return nan ? null : out
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
