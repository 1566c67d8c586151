import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'

/** Pixel size of a generated image. */
export interface GenerationSize {
  width: number
  height: number
}

/** Bounds of the generation contract (`generationParamsSchema`): 64..2048 per side. */
export const MIN_GENERATION_SIDE = 64
export const MAX_GENERATION_SIDE = 2048

/**
 * Stable-Diffusion-family UNets downsample the latent three times, so both sides must be
 * multiples of 64 px (8 latent px × 2³).
 */
export const SIZE_STEP = 64

/** What a model is trained at when its `model.json` does not say: SD1.x/SD-Turbo's 512². */
export const DEFAULT_BASE_SIZE: GenerationSize = { width: 512, height: 512 }

/**
 * The image size for a shot: the shot's aspect ratio at about the pixel count the model was
 * trained at (`base`, its default size) times `scale`, each side a multiple of {@link SIZE_STEP}
 * within the contract's bounds. Keeping the area rather than the long side is what
 * aspect-bucketed models expect, and keeps a 2.39:1 frame as cheap as a square one.
 */
export function sizeForAspect(aspect: AspectRatio, base: GenerationSize = DEFAULT_BASE_SIZE, scale = 1): GenerationSize {
  const ratio = aspectRatioValue(aspect)
  const area = base.width * base.height * scale * scale
  const idealHeight = Math.sqrt(area / ratio)
  const height = snap(idealHeight)
  // Snap the width against the snapped height, so the ratio stays as close as the grid allows.
  let width = snap(height * ratio)
  // A very wide or tall frame can hit a bound on one side: take the other from the ratio again.
  if (width === MAX_GENERATION_SIDE || width === MIN_GENERATION_SIDE) return { width, height: snap(width / ratio) }
  if (height === MAX_GENERATION_SIDE || height === MIN_GENERATION_SIDE) width = snap(height * ratio)
  return { width, height }
}

function snap(pixels: number): number {
  const stepped = Math.round(pixels / SIZE_STEP) * SIZE_STEP
  return Math.min(MAX_GENERATION_SIDE, Math.max(MIN_GENERATION_SIDE, stepped))
}
