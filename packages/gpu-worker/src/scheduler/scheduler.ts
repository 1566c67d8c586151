import { InvalidGenerationParamsError } from '../errors'
import { EulerDiscreteScheduler } from './eulerDiscreteScheduler'
import { LcmScheduler } from './lcmScheduler'
import type { SchedulerConfig } from './schedulerConfig'

/** Draws standard-normal noise of the given length (the generation's seeded stream). */
export type NoiseSource = (length: number) => Float32Array

/** One denoising step's result. */
export type StepResult = {
  /** The latent to feed the next step (or the final latent after the last step). */
  prevSample: Float32Array
  /** The model's current estimate of the clean latent: what previews show. */
  denoised: Float32Array
}

/**
 * A sampler prepared for one generation: its timesteps are already cut for image-to-image
 * strength, so step `i` runs `timesteps[i]`.
 */
export interface Scheduler {
  /** The UNet timesteps to run, in order. */
  readonly timesteps: readonly number[]
  /** Multiplier of unit noise for a text-to-image start latent. */
  readonly initNoiseSigma: number
  /** Scales the latent before it is given to the UNet at step `index`. */
  scaleModelInput(sample: Float32Array, index: number): Float32Array
  /** Advances `sample` by one step given the UNet's (guided) output. */
  step(modelOutput: Float32Array, index: number, sample: Float32Array, noise: NoiseSource): StepResult
  /** Noises a clean (image-to-image) latent to the level of the first step. */
  addNoise(original: Float32Array, noise: Float32Array): Float32Array
}

/** What a generation asks of its scheduler. */
export type SchedulerRequest = {
  steps: number
  /** Image-to-image strength in (0, 1]; 1 (the default) is text-to-image. */
  strength?: number
}

/**
 * Prepares a scheduler for one generation. Throws {@link InvalidGenerationParamsError} when
 * steps and strength leave nothing to run (turbo models need steps × strength ≥ 1).
 */
export function createScheduler(config: SchedulerConfig, request: SchedulerRequest): Scheduler {
  const { steps } = request
  const strength = request.strength ?? 1
  if (!Number.isInteger(steps) || steps < 1 || steps > config.numTrainTimesteps) {
    throw new InvalidGenerationParamsError(`steps must be an integer from 1 to ${config.numTrainTimesteps}, got ${steps}`)
  }
  if (!(strength > 0 && strength <= 1)) {
    throw new InvalidGenerationParamsError(`strength must be in (0, 1], got ${strength}`)
  }
  return config.kind === 'lcm' ? new LcmScheduler(config, steps, strength) : new EulerDiscreteScheduler(config, steps, strength)
}
