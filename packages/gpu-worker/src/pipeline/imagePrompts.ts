import type * as ort from 'onnxruntime-node'
import { InvalidGenerationParamsError } from '../errors'
import type { LoadedModel } from '../models/loadModel'
import type { ImagePromptSignature } from '../models/modelSignature'
import { floatTensor, readFloats } from '../tensors/ortTensors'
import type { RgbImage } from './rgbImage'

/** One image prompt: a square RGB image of the encoder's size and its weight in [0, 1]. */
export type ImagePrompt = { image: RgbImage; weight: number }

/** CLIP's image normalisation (CLIPImageProcessor's image_mean / image_std). */
export const CLIP_IMAGE_MEAN = [0.48145466, 0.4578275, 0.40821073] as const
export const CLIP_IMAGE_STD = [0.26862954, 0.26130258, 0.27577711] as const

/** Square RGB images → `pixel_values` data ([N, 3, S, S], CLIP-normalised). */
export function clipPixelValues(images: readonly RgbImage[]): Float32Array {
  const first = images[0]
  if (!first) return new Float32Array(0)
  const plane = first.width * first.height
  const out = new Float32Array(images.length * 3 * plane)
  images.forEach((image, n) => {
    for (let c = 0; c < 3; c++) {
      const mean = CLIP_IMAGE_MEAN[c] as number
      const std = CLIP_IMAGE_STD[c] as number
      const base = (n * 3 + c) * plane
      for (let p = 0; p < plane; p++) out[base + p] = ((image.data[p * 3 + c] as number) / 255 - mean) / std
    }
  })
  return out
}

/** Throws {@link InvalidGenerationParamsError} when the prompts do not fit the model. */
export function validateImagePrompts(model: LoadedModel, prompts: readonly ImagePrompt[]): void {
  if (prompts.length === 0) return
  const signature = model.signature.imagePrompt
  if (!signature) throw new InvalidGenerationParamsError(`${model.info.name} takes no image prompts (it has no image encoder)`)
  if (signature.images !== null && prompts.length > signature.images) {
    throw new InvalidGenerationParamsError(`${model.info.name} takes at most ${signature.images} image prompt(s), got ${prompts.length}`)
  }
  for (const { image, weight } of prompts) {
    if (!(weight >= 0 && weight <= 1)) throw new InvalidGenerationParamsError(`an image prompt's weight must be from 0 to 1, got ${weight}`)
    const side = signature.imageSize
    if (image.width !== side || image.height !== side || image.data.length !== side * side * 3) {
      throw new InvalidGenerationParamsError(`an image prompt must be ${side}×${side} RGB, got ${image.width}×${image.height}`)
    }
  }
}

/** Makes the UNet's image-prompt feeds for one run: `batch` copies, the first `unconditional` of them without images. */
export type ImagePromptFeeds = (batch: number, unconditional: number) => Record<string, ort.Tensor>

/**
 * Encodes the image prompts once (one image-encoder run for all of them) and returns how to
 * feed them to the UNet. The unconditional half of classifier-free guidance gets zero
 * embeddings, as diffusers does for IP-Adapters. Without prompts the UNet still gets its
 * inputs: one zero embedding at weight 0. A UNet with `ip_adapter_scale` takes the weights
 * there; otherwise each embedding is scaled by its weight.
 */
export async function prepareImagePrompts(
  model: LoadedModel,
  prompts: readonly ImagePrompt[],
  runEncoder: (feeds: Record<string, ort.Tensor>) => Promise<ort.InferenceSession.ReturnType>,
): Promise<ImagePromptFeeds | null> {
  const signature = model.signature.imagePrompt
  if (!signature) return null
  let embeds: Float32Array
  let dim: number
  if (prompts.length > 0) {
    const side = signature.imageSize
    const out = await runEncoder({ pixel_values: floatTensor(signature.floatType, clipPixelValues(prompts.map((p) => p.image)), [prompts.length, 3, side, side]) })
    embeds = readFloats(out.image_embeds, 'image_encoder image_embeds')
    dim = embeds.length / prompts.length
  } else {
    dim = signature.embedDim ?? (await embedWidth(signature, runEncoder))
    embeds = new Float32Array(dim)
  }
  const count = Math.max(signature.images ?? 1, prompts.length)
  const weights = new Float32Array(count)
  prompts.forEach((p, i) => (weights[i] = p.weight))
  const conditional = new Float32Array(count * dim)
  conditional.set(embeds.subarray(0, prompts.length * dim))
  if (!signature.scaleInput) for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) conditional[i * dim + d]! *= weights[i] as number
  const unetFloat = model.signature.floatTypes.unet
  return (batch, unconditional) => {
    const data = new Float32Array(batch * count * dim)
    for (let b = unconditional; b < batch; b++) data.set(conditional, b * count * dim)
    return {
      image_embeds: floatTensor(unetFloat, data, [batch, count, dim]),
      ...(signature.scaleInput ? { ip_adapter_scale: floatTensor('float32', weights, [count]) } : {}),
    }
  }
}

/** The embedding width of an export that does not fix it: encode one grey image. */
async function embedWidth(signature: ImagePromptSignature, runEncoder: (feeds: Record<string, ort.Tensor>) => Promise<ort.InferenceSession.ReturnType>): Promise<number> {
  const side = signature.imageSize
  const grey = { width: side, height: side, data: new Uint8Array(side * side * 3).fill(128) }
  const out = await runEncoder({ pixel_values: floatTensor(signature.floatType, clipPixelValues([grey]), [1, 3, side, side]) })
  return readFloats(out.image_embeds, 'image_encoder image_embeds').length
}
