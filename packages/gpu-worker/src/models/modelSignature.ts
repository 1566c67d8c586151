import type { InferenceSession } from 'onnxruntime-node'
import { ModelSignatureError } from '../errors'

/** The ONNX components of a Stable-Diffusion-family model folder, by folder name. */
export const modelComponents = ['text_encoder', 'unet', 'vae_decoder', 'vae_encoder', 'image_encoder'] as const
export type ModelComponent = (typeof modelComponents)[number]

/** Inputs and outputs of one loaded session, as onnxruntime reports them. */
export type ComponentMetadata = {
  inputs: readonly InferenceSession.ValueMetadata[]
  outputs: readonly InferenceSession.ValueMetadata[]
}

export type FloatType = 'float32' | 'float16'
export type TimestepType = 'float32' | 'float16' | 'int64' | 'int32'

/** What the pipeline needs to know about a model's signature to feed it. */
export type ModelSignature = {
  inputIdsType: 'int32' | 'int64'
  /** Text encoder hidden width when the export fixes it (768 for SD1, 1024 for SD2). */
  hiddenSize: number | null
  /** Float element type of each component's tensors. */
  floatTypes: Record<ModelComponent, FloatType>
  timestep: { type: TimestepType; /** 0 for a scalar, 1 for [n]. */ rank: 0 | 1; /** Fixed length, or null when it follows the batch. */ length: number | null }
  /** Width of LCM's `timestep_cond` guidance embedding, or null when the UNet has none. */
  timestepCondDim: number | null
  /** The UNet's fixed batch size (1 means guidance needs two runs), or null when dynamic. */
  unetBatch: number | null
  /** Which name the VAE encoder's output has, or null when the folder has no encoder. */
  vaeEncoderOutput: 'latent_parameters' | 'latent_sample' | null
  /** How to feed image prompts (IP-Adapter style), or null when the model takes none. */
  imagePrompt: ImagePromptSignature | null
}

/**
 * An image encoder (`pixel_values` [N, 3, S, S] → `image_embeds` [N, D]) and a UNet input
 * `image_embeds` [batch, images, D], optionally with `ip_adapter_scale` [images].
 */
export type ImagePromptSignature = {
  /** Side of the square, CLIP-normalised image the encoder takes (224 unless the export fixes another). */
  imageSize: number
  /** Width of one image embedding, when the export fixes it. */
  embedDim: number | null
  /** The UNet's fixed number of images, or null when dynamic. */
  images: number | null
  /** The UNet takes per-image weights (`ip_adapter_scale`); otherwise weights scale the embeddings. */
  scaleInput: boolean
  floatType: FloatType
}

type Expectation = { name: string; types: readonly string[]; rank: number | readonly number[] }

const FLOATS = ['float32', 'float16'] as const

function describeTypes(types: readonly string[]): string {
  return types.length === 1 ? (types[0] as string) : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`
}

class ComponentChecker {
  constructor(
    private readonly folder: string,
    private readonly component: ModelComponent,
    private readonly metadata: ComponentMetadata,
  ) {}

  fail(problem: string): never {
    throw new ModelSignatureError(`${this.folder}: ${this.component}/model.onnx ${problem}`)
  }

  find(kind: 'input' | 'output', name: string): InferenceSession.TensorValueMetadata | undefined {
    const list = kind === 'input' ? this.metadata.inputs : this.metadata.outputs
    const value = list.find((v) => v.name === name)
    if (value && !value.isTensor) this.fail(`${kind} "${name}" is not a tensor`)
    return value as InferenceSession.TensorValueMetadata | undefined
  }

  require(kind: 'input' | 'output', expected: Expectation): InferenceSession.TensorValueMetadata {
    const value = this.find(kind, expected.name)
    if (!value) {
      const names = (kind === 'input' ? this.metadata.inputs : this.metadata.outputs).map((v) => v.name)
      this.fail(`has no ${kind} "${expected.name}" (its ${kind}s: ${names.join(', ') || 'none'}); is this a Stable-Diffusion ${this.component} export?`)
    }
    this.check(kind, value, expected)
    return value
  }

  check(kind: 'input' | 'output', value: InferenceSession.TensorValueMetadata, expected: Expectation): void {
    if (!expected.types.includes(value.type)) this.fail(`${kind} "${value.name}" is ${value.type}, expected ${describeTypes(expected.types)}`)
    const ranks = typeof expected.rank === 'number' ? [expected.rank] : expected.rank
    // An empty shape means the export did not record one: nothing to check.
    if (value.shape.length > 0 && !ranks.includes(value.shape.length)) {
      this.fail(`${kind} "${value.name}" has rank ${value.shape.length} [${value.shape.join(', ')}], expected rank ${ranks.join(' or ')}`)
    }
  }

  /** Input names the pipeline does not know how to feed. */
  unexpectedInputs(known: readonly string[]): string[] {
    return this.metadata.inputs.map((v) => v.name).filter((name) => !known.includes(name))
  }
}

function fixedDim(value: InferenceSession.TensorValueMetadata, axis: number): number | null {
  const dim = value.shape[axis]
  return typeof dim === 'number' && dim > 0 ? dim : null
}

/**
 * Checks each component's inputs and outputs against what Stable-Diffusion-family ONNX
 * exports (diffusers, optimum) have, and derives how to feed them. Throws a
 * {@link ModelSignatureError} naming the folder, the component and what is wrong.
 */
export function checkModelSignature(folder: string, metadata: Partial<Record<ModelComponent, ComponentMetadata>>): ModelSignature {
  const get = (component: ModelComponent) => {
    const m = metadata[component]
    if (!m) throw new ModelSignatureError(`${folder}: ${component}/model.onnx is missing`)
    return new ComponentChecker(folder, component, m)
  }

  const text = get('text_encoder')
  const ids = text.require('input', { name: 'input_ids', types: ['int32', 'int64'], rank: 2 })
  const hidden = text.require('output', { name: 'last_hidden_state', types: FLOATS, rank: 3 })
  const textExtra = text.unexpectedInputs(['input_ids'])
  if (textExtra.length > 0) text.fail(`takes inputs the pipeline cannot feed: ${textExtra.join(', ')}`)

  const unet = get('unet')
  if (unet.find('input', 'text_embeds') || unet.find('input', 'time_ids')) {
    unet.fail('is an SDXL UNet (it takes text_embeds and time_ids); only SD1/SD2-family models are supported')
  }
  const sample = unet.require('input', { name: 'sample', types: FLOATS, rank: 4 })
  const timestep = unet.require('input', { name: 'timestep', types: ['float32', 'float16', 'int64', 'int32'], rank: [0, 1] })
  const context = unet.require('input', { name: 'encoder_hidden_states', types: FLOATS, rank: 3 })
  const cond = unet.find('input', 'timestep_cond')
  if (cond) unet.check('input', cond, { name: 'timestep_cond', types: FLOATS, rank: 2 })
  unet.require('output', { name: 'out_sample', types: FLOATS, rank: 4 })
  const imageEmbeds = unet.find('input', 'image_embeds')
  if (imageEmbeds) unet.check('input', imageEmbeds, { name: 'image_embeds', types: FLOATS, rank: 3 })
  const ipScale = unet.find('input', 'ip_adapter_scale')
  if (ipScale) unet.check('input', ipScale, { name: 'ip_adapter_scale', types: ['float32'], rank: 1 })
  if (ipScale && !imageEmbeds) unet.fail('takes ip_adapter_scale without image_embeds')
  const unetExtra = unet.unexpectedInputs(['sample', 'timestep', 'encoder_hidden_states', 'timestep_cond', 'image_embeds', 'ip_adapter_scale'])
  if (unetExtra.length > 0) unet.fail(`takes inputs the pipeline cannot feed: ${unetExtra.join(', ')}`)
  const channels = fixedDim(sample, 1)
  if (channels !== null && channels !== 4) unet.fail(`input "sample" has ${channels} channels, expected 4 (an SD1/SD2 latent)`)

  const hiddenSize = fixedDim(hidden, 2)
  const contextSize = fixedDim(context, 2)
  if (hiddenSize !== null && contextSize !== null && hiddenSize !== contextSize) {
    unet.fail(`expects encoder_hidden_states of width ${contextSize} but text_encoder gives ${hiddenSize}: the two come from different models`)
  }

  const decoder = get('vae_decoder')
  const latent = decoder.require('input', { name: 'latent_sample', types: FLOATS, rank: 4 })
  decoder.require('output', { name: 'sample', types: FLOATS, rank: 4 })
  const decoderChannels = fixedDim(latent, 1)
  if (decoderChannels !== null && decoderChannels !== 4) decoder.fail(`input "latent_sample" has ${decoderChannels} channels, expected 4`)

  let vaeEncoderOutput: ModelSignature['vaeEncoderOutput'] = null
  let encoderFloat: FloatType = 'float32'
  if (metadata.vae_encoder) {
    const encoder: ComponentChecker = get('vae_encoder')
    const image = encoder.require('input', { name: 'sample', types: FLOATS, rank: 4 })
    encoderFloat = image.type as FloatType
    const current = encoder.find('output', 'latent_parameters')
    const legacy = encoder.find('output', 'latent_sample')
    const output = current ?? legacy
    if (!output) encoder.fail('has neither a "latent_parameters" nor a "latent_sample" output')
    encoder.check('output', output, { name: output.name, types: FLOATS, rank: 4 })
    vaeEncoderOutput = current ? 'latent_parameters' : 'latent_sample'
  }

  const imagePrompt = checkImagePrompt(folder, metadata.image_encoder, unet, imageEmbeds, ipScale)

  return {
    inputIdsType: ids.type as 'int32' | 'int64',
    hiddenSize: hiddenSize ?? contextSize,
    floatTypes: {
      text_encoder: hidden.type as FloatType,
      unet: sample.type as FloatType,
      vae_decoder: latent.type as FloatType,
      vae_encoder: encoderFloat,
      image_encoder: imagePrompt?.floatType ?? 'float32',
    },
    timestep: {
      type: timestep.type as TimestepType,
      rank: timestep.shape.length === 0 ? (timestep.shape.length as 0) : 1,
      length: timestep.shape.length === 0 ? null : fixedDim(timestep, 0),
    },
    timestepCondDim: cond ? (fixedDim(cond, 1) ?? 256) : null,
    unetBatch: fixedDim(sample, 0),
    vaeEncoderOutput,
    imagePrompt,
  }
}

/** The image-prompt capability: both halves present (or neither), with matching widths. */
function checkImagePrompt(
  folder: string,
  encoderMetadata: ComponentMetadata | undefined,
  unet: ComponentChecker,
  imageEmbeds: InferenceSession.TensorValueMetadata | undefined,
  ipScale: InferenceSession.TensorValueMetadata | undefined,
): ImagePromptSignature | null {
  if (!encoderMetadata && !imageEmbeds) return null
  if (!encoderMetadata) unet.fail('takes image_embeds, but the folder has no image_encoder/model.onnx to make them')
  const encoder: ComponentChecker = new ComponentChecker(folder, 'image_encoder', encoderMetadata)
  if (!imageEmbeds) encoder.fail('is present, but the UNet takes no image_embeds input to use it')
  const pixels = encoder.require('input', { name: 'pixel_values', types: FLOATS, rank: 4 })
  const embeds = encoder.require('output', { name: 'image_embeds', types: FLOATS, rank: 2 })
  const extra = encoder.unexpectedInputs(['pixel_values'])
  if (extra.length > 0) encoder.fail(`takes inputs the pipeline cannot feed: ${extra.join(', ')}`)
  const channels = fixedDim(pixels, 1)
  if (channels !== null && channels !== 3) encoder.fail(`input "pixel_values" has ${channels} channels, expected 3 (RGB)`)
  const height = fixedDim(pixels, 2)
  const width = fixedDim(pixels, 3)
  if (height !== null && width !== null && height !== width) encoder.fail(`input "pixel_values" is ${height}×${width}, expected a square (CLIP takes 224×224)`)
  const encoderDim = fixedDim(embeds, 1)
  const unetDim = fixedDim(imageEmbeds, 2)
  if (encoderDim !== null && unetDim !== null && encoderDim !== unetDim) {
    unet.fail(`expects image_embeds of width ${unetDim} but image_encoder gives ${encoderDim}: the two come from different models`)
  }
  return {
    imageSize: height ?? width ?? 224,
    embedDim: encoderDim ?? unetDim,
    images: fixedDim(imageEmbeds, 1),
    scaleInput: ipScale !== undefined,
    floatType: pixels.type as FloatType,
  }
}
