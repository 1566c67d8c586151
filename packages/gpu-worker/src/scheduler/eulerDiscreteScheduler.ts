import { InvalidGenerationParamsError } from '../errors'
import { interpolate, trainingSchedule } from './noiseSchedule'
import type { NoiseSource, Scheduler, StepResult } from './scheduler'
import type { SchedulerConfig } from './schedulerConfig'

/**
 * Inference timesteps of diffusers' discrete schedulers for a given spacing, highest first.
 * (`linspace` may give fractional timesteps; Euler interpolates sigmas between them.)
 */
export function spacedTimesteps(config: SchedulerConfig, steps: number): number[] {
  const T = config.numTrainTimesteps
  const out: number[] = []
  if (config.timestepSpacing === 'linspace') {
    for (let i = 0; i < steps; i++) out.push(steps === 1 ? 0 : ((T - 1) * i) / (steps - 1))
    return out.reverse()
  }
  if (config.timestepSpacing === 'leading') {
    const ratio = Math.floor(T / steps)
    for (let i = 0; i < steps; i++) out.push(i * ratio + config.stepsOffset)
    return out.reverse()
  }
  // trailing: np.round(np.arange(T, 0, -T / steps)) - 1
  const ratio = T / steps
  for (let t = T; t > 0 && out.length < steps; t -= ratio) out.push(roundHalfToEven(t) - 1)
  return out
}

/** numpy's round: halves go to the even neighbour (937.5 → 938, 812.5 → 812). */
function roundHalfToEven(x: number): number {
  const floor = Math.floor(x)
  const fraction = x - floor
  if (fraction !== 0.5) return Math.round(x)
  return floor % 2 === 0 ? floor : floor + 1
}

/**
 * diffusers' EulerDiscreteScheduler (no churn): the sampler SD-Turbo ships with. One step at
 * timestep 999 (sigma 14.6146) turns pure noise into the model's clean prediction.
 */
export class EulerDiscreteScheduler implements Scheduler {
  readonly timesteps: readonly number[]
  readonly initNoiseSigma: number
  /** Sigma of each step, followed by the final 0. */
  readonly sigmas: readonly number[]
  private readonly predictionType: SchedulerConfig['predictionType']

  constructor(config: SchedulerConfig, steps: number, strength: number) {
    const sigmaTable = trainingSchedule(config).sigmas
    const allTimesteps = spacedTimesteps(config, steps)
    const allSigmas = allTimesteps.map((t) => Math.fround(interpolate(sigmaTable, t)))
    // diffusers' init_noise_sigma is taken from the full schedule, before any img2img cut.
    const maxSigma = Math.max(...allSigmas)
    this.initNoiseSigma = config.timestepSpacing === 'leading' ? Math.sqrt(maxSigma * maxSigma + 1) : maxSigma
    // Image-to-image (diffusers get_timesteps): skip the noisiest steps, run floor(steps × strength).
    const run = Math.min(Math.floor(steps * strength), steps)
    if (run < 1) {
      throw new InvalidGenerationParamsError(`steps × strength must be at least 1 (${steps} × ${strength} runs no step); raise steps or strength`)
    }
    const start = steps - run
    this.timesteps = allTimesteps.slice(start)
    this.sigmas = [...allSigmas.slice(start), 0]
    this.predictionType = config.predictionType
  }

  scaleModelInput(sample: Float32Array, index: number): Float32Array {
    const sigma = this.sigmaAt(index)
    const scale = 1 / Math.sqrt(sigma * sigma + 1)
    const scaled = new Float32Array(sample.length)
    for (let i = 0; i < sample.length; i++) scaled[i] = (sample[i] as number) * scale
    return scaled
  }

  step(modelOutput: Float32Array, index: number, sample: Float32Array, _noise: NoiseSource): StepResult {
    const sigma = this.sigmaAt(index)
    const next = this.sigmas[index + 1] ?? 0
    const denoised = new Float32Array(sample.length)
    const prevSample = new Float32Array(sample.length)
    const vScale = -sigma / Math.sqrt(sigma * sigma + 1)
    const vSkip = 1 / (sigma * sigma + 1)
    const vPrediction = this.predictionType === 'v_prediction'
    for (let i = 0; i < sample.length; i++) {
      const x = sample[i] as number
      const out = modelOutput[i] as number
      const x0 = vPrediction ? out * vScale + x * vSkip : x - sigma * out
      denoised[i] = x0
      // Euler step along dx/dσ = (x − x0) / σ.
      prevSample[i] = x + ((x - x0) / sigma) * (next - sigma)
    }
    return { prevSample, denoised }
  }

  addNoise(original: Float32Array, noise: Float32Array): Float32Array {
    const sigma = this.sigmaAt(0)
    return original.map((x, i) => x + (noise[i] as number) * sigma)
  }

  private sigmaAt(index: number): number {
    const sigma = this.sigmas[index]
    if (sigma === undefined || index >= this.timesteps.length) throw new RangeError(`step ${index} is outside this schedule`)
    return sigma
  }
}
