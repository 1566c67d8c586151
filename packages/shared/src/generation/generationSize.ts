import { aspectRatioValue, type AspectRatio } from '../storyboard/vocabulary'
import type { ModelFamily } from './modelManifest'

/** Pixel size of a generated image. */
export interface GenerationSize {
  width: number
  height: number
}

/** Bounds of the generation contract (`generationParamsSchema`) per side. */
export const MIN_GENERATION_SIDE = 64
export const MAX_GENERATION_SIDE = 2048
/** Every size the contract accepts is a multiple of this (the VAE's latent factor). */
export const LATENT_FACTOR = 8

/** What a model is trained at when it does not say: SD1.x / SD-Turbo's 512². */
export const DEFAULT_BASE_SIZE: GenerationSize = { width: 512, height: 512 }

/**
 * The grid a model's sizes must sit on. Stable-Diffusion UNets halve the latent three times and
 * their ONNX exports upsample by exactly 2, so the latent must divide by 8: pixels by 64. The
 * built-in model is convolutions at latent resolution and takes any multiple of the latent factor.
 */
export function sizeGridFor(family: ModelFamily | undefined): number {
  return family === 'storyloom-tiny' ? LATENT_FACTOR : 64
}

/** Aspect ratios this close (relative) count as the same frame; among them the area decides. */
const RATIO_TOLERANCE = 0.01
/** How far (as a factor) the area may stray from the budget to get closer to the ratio. */
const AREA_LATITUDE = Math.SQRT2

/**
 * The grid-aligned size closest to `ratio` (width / height) at about `pixels` pixels, within the
 * contract's bounds. Chooses among whole sizes rather than rounding each side, which can bend
 * a small 16:9 frame to 2:1: the closest ratio with an area within {@link AREA_LATITUDE} of the
 * budget wins, and sizes within {@link RATIO_TOLERANCE} of the ratio go to the one nearest the
 * budget. A budget the bounds cannot hold at this ratio (too wide, too small) is first brought
 * to the largest or smallest size that keeps the ratio.
 */
export function sizeForRatio(ratio: number, pixels: number, grid: number): GenerationSize {
  const idealHeight = Math.sqrt(pixels / ratio)
  const idealWidth = idealHeight * ratio
  const shrink = Math.min(1, MAX_GENERATION_SIDE / idealWidth, MAX_GENERATION_SIDE / idealHeight)
  const grow = Math.max(1, MIN_GENERATION_SIDE / idealWidth, MIN_GENERATION_SIDE / idealHeight)
  const budget = pixels * (shrink < 1 ? shrink : grow) ** 2
  const maxAreaError = Math.log(AREA_LATITUDE) + 1e-9
  let best: { size: GenerationSize; key: number; areaError: number } | undefined
  for (let height = Math.ceil(MIN_GENERATION_SIDE / grid) * grid; height <= MAX_GENERATION_SIDE; height += grid) {
    for (const width of [Math.floor((height * ratio) / grid) * grid, Math.ceil((height * ratio) / grid) * grid]) {
      if (width < MIN_GENERATION_SIDE || width > MAX_GENERATION_SIDE) continue
      const areaError = Math.abs(Math.log((width * height) / budget))
      if (areaError > maxAreaError) continue
      const key = Math.max(Math.abs(Math.log(width / height / ratio)), Math.log1p(RATIO_TOLERANCE))
      if (!best || key < best.key - 1e-12 || (key <= best.key + 1e-12 && areaError < best.areaError)) best = { size: { width, height }, key, areaError }
    }
  }
  // Unreachable for ratios the bounds can hold (up to 32:1); a safe size all the same.
  return best?.size ?? { width: snap(idealWidth * shrink * grow, grid), height: snap(idealHeight * shrink * grow, grid) }
}

function snap(pixels: number, grid: number): number {
  return Math.min(MAX_GENERATION_SIDE, Math.max(MIN_GENERATION_SIDE, Math.round(pixels / grid) * grid))
}

/** What {@link shotGenerationSize} needs to know of the model (a `ModelView` will do). */
export interface SizingModel {
  family: ModelFamily
  defaults: GenerationSize
}

/**
 * The size a shot is generated at: its aspect ratio at the pixel count the model was trained at
 * (its default size; 512² without a model) times `scale`, on the model's grid. Used by the
 * generation form and by the server for a request without a size, so both give the same size.
 * Keeping the area rather than the long side is what aspect-bucketed models expect, and keeps
 * a 2.39:1 frame as cheap as a square one.
 */
export function shotGenerationSize(aspect: AspectRatio, model: SizingModel | undefined, scale = 1): GenerationSize {
  const base = model?.defaults ?? DEFAULT_BASE_SIZE
  return sizeForRatio(aspectRatioValue(aspect), base.width * base.height * scale * scale, sizeGridFor(model?.family))
}
