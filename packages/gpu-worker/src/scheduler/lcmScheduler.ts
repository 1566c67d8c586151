import { InvalidGenerationParamsError } from '../errors'
import { trainingSchedule } from './noiseSchedule'
import type { NoiseSource, Scheduler, StepResult } from './scheduler'
import type { SchedulerConfig } from './schedulerConfig'

/**
 * LCM's timesteps (diffusers LCMScheduler.set_timesteps): the distillation schedule
 * (every T / originalSteps-th timestep, cut by strength) sampled at `steps` evenly spaced
 * indices, highest first. 4 steps → 999, 759, 499, 259.
 */
export function lcmTimesteps(config: SchedulerConfig, steps: number, strength: number): number[] {
  const k = Math.floor(config.numTrainTimesteps / config.originalInferenceSteps)
  const count = Math.floor(config.originalInferenceSteps * strength)
  if (steps > count) {
    throw new InvalidGenerationParamsError(
      `this LCM model can run at most ${count} steps at strength ${strength} (${config.originalInferenceSteps} × strength); lower steps or raise strength`,
    )
  }
  const origin: number[] = []
  for (let i = count; i >= 1; i--) origin.push(i * k - 1)
  const out: number[] = []
  for (let i = 0; i < steps; i++) out.push(origin[Math.floor((i * count) / steps)] as number)
  return out
}

/**
 * diffusers' LCMScheduler: each step predicts the clean latent (with LCM's boundary-condition
 * scalings) and, except on the last step, re-noises it to the next timestep with fresh noise.
 * Guidance is embedded in the UNet (`timestep_cond`), so there is one UNet pass per step.
 */
export class LcmScheduler implements Scheduler {
  readonly timesteps: readonly number[]
  readonly initNoiseSigma = 1
  private readonly alphas: Float64Array
  private readonly config: SchedulerConfig

  constructor(config: SchedulerConfig, steps: number, strength: number) {
    this.config = config
    this.alphas = trainingSchedule(config).alphas
    this.timesteps = lcmTimesteps(config, steps, strength)
  }

  scaleModelInput(sample: Float32Array): Float32Array {
    return sample
  }

  /** c_skip and c_out of LCM's consistency boundary condition at timestep `t` (sigma_data 0.5). */
  boundaryScalings(t: number): { cSkip: number; cOut: number } {
    const scaled = t * this.config.timestepScaling
    const sigmaData2 = 0.25
    return { cSkip: sigmaData2 / (scaled * scaled + sigmaData2), cOut: scaled / Math.sqrt(scaled * scaled + sigmaData2) }
  }

  step(modelOutput: Float32Array, index: number, sample: Float32Array, noise: NoiseSource): StepResult {
    const t = this.timesteps[index]
    if (t === undefined) throw new RangeError(`step ${index} is outside this schedule`)
    const alpha = this.alphas[t] as number
    const sqrtAlpha = Math.sqrt(alpha)
    const sqrtOneMinus = Math.sqrt(1 - alpha)
    const { cSkip, cOut } = this.boundaryScalings(t)
    const denoised = new Float32Array(sample.length)
    const vPrediction = this.config.predictionType === 'v_prediction'
    for (let i = 0; i < sample.length; i++) {
      const x = sample[i] as number
      const out = modelOutput[i] as number
      const x0 = vPrediction ? sqrtAlpha * x - sqrtOneMinus * out : (x - sqrtOneMinus * out) / sqrtAlpha
      denoised[i] = cOut * x0 + cSkip * x
    }
    const nextT = this.timesteps[index + 1]
    if (nextT === undefined) return { prevSample: denoised, denoised }
    const nextAlpha = this.alphas[nextT] as number
    const fresh = noise(sample.length)
    const a = Math.sqrt(nextAlpha)
    const b = Math.sqrt(1 - nextAlpha)
    const prevSample = new Float32Array(sample.length)
    for (let i = 0; i < sample.length; i++) prevSample[i] = a * (denoised[i] as number) + b * (fresh[i] as number)
    return { prevSample, denoised }
  }

  addNoise(original: Float32Array, noise: Float32Array): Float32Array {
    const alpha = this.alphas[this.timesteps[0] as number] as number
    const a = Math.sqrt(alpha)
    const b = Math.sqrt(1 - alpha)
    return original.map((x, i) => a * x + b * (noise[i] as number))
  }
}

/**
 * LCM's guidance embedding (diffusers get_guidance_scale_embedding) for the UNet's
 * `timestep_cond`: sinusoidal features of (guidance − 1) × 1000.
 */
export function guidanceScaleEmbedding(guidance: number, dim: number): Float32Array {
  const w = (guidance - 1) * 1000
  const half = Math.floor(dim / 2)
  const out = new Float32Array(dim)
  const step = Math.log(10000) / (half - 1)
  for (let i = 0; i < half; i++) {
    const angle = w * Math.exp(-step * i)
    out[i] = Math.sin(angle)
    out[half + i] = Math.cos(angle)
  }
  return out
}
