import { z } from 'zod'

/** The two samplers the worker implements; both suit few-step (turbo / LCM) models. */
export type SchedulerKind = 'euler' | 'lcm'

/** How the model's output is read: predicted noise (most SD models) or v (SD2 768-v). */
export type PredictionType = 'epsilon' | 'v_prediction'

/** A scheduler's settings, in the terms of diffusers' `scheduler_config.json`. */
export type SchedulerConfig = {
  kind: SchedulerKind
  numTrainTimesteps: number
  betaStart: number
  betaEnd: number
  betaSchedule: 'scaled_linear' | 'linear'
  /** How inference timesteps are spread over the training ones (Euler only; turbo models use `trailing`). */
  timestepSpacing: 'linspace' | 'leading' | 'trailing'
  stepsOffset: number
  predictionType: PredictionType
  /** LCM: the distillation schedule's step count (50) and boundary-condition scaling (10). */
  originalInferenceSteps: number
  timestepScaling: number
}

/** Stable Diffusion's training schedule (scaled_linear betas 0.00085 → 0.012 over 1000 steps). */
export const defaultSchedulerConfig: SchedulerConfig = {
  kind: 'euler',
  numTrainTimesteps: 1000,
  betaStart: 0.00085,
  betaEnd: 0.012,
  betaSchedule: 'scaled_linear',
  timestepSpacing: 'trailing',
  stepsOffset: 0,
  predictionType: 'epsilon',
  originalInferenceSteps: 50,
  timestepScaling: 10,
}

// Only the fields the worker reads; diffusers writes many more.
const diffusersSchedulerJson = z.object({
  _class_name: z.string().optional(),
  num_train_timesteps: z.number().int().positive().optional(),
  beta_start: z.number().positive().optional(),
  beta_end: z.number().positive().optional(),
  beta_schedule: z.enum(['scaled_linear', 'linear']).optional(),
  timestep_spacing: z.enum(['linspace', 'leading', 'trailing']).optional(),
  steps_offset: z.number().int().nonnegative().optional(),
  prediction_type: z.enum(['epsilon', 'v_prediction']).optional(),
  original_inference_steps: z.number().int().positive().optional(),
  timestep_scaling: z.number().positive().optional(),
})

/**
 * Reads a diffusers `scheduler_config.json` (already JSON-parsed). An `LCMScheduler` class
 * selects the LCM sampler, anything else Euler; `kind` forces one. Throws a zod error on
 * fields the worker cannot honour (e.g. an unknown beta schedule).
 */
export function parseSchedulerConfig(json: unknown, kind?: SchedulerKind): SchedulerConfig {
  const parsed = diffusersSchedulerJson.parse(json)
  const d = defaultSchedulerConfig
  return {
    kind: kind ?? (parsed._class_name === 'LCMScheduler' ? 'lcm' : 'euler'),
    numTrainTimesteps: parsed.num_train_timesteps ?? d.numTrainTimesteps,
    betaStart: parsed.beta_start ?? d.betaStart,
    betaEnd: parsed.beta_end ?? d.betaEnd,
    betaSchedule: parsed.beta_schedule ?? d.betaSchedule,
    // diffusers' own default is linspace; configs written before the option existed mean that.
    timestepSpacing: parsed.timestep_spacing ?? 'linspace',
    stepsOffset: parsed.steps_offset ?? d.stepsOffset,
    predictionType: parsed.prediction_type ?? d.predictionType,
    originalInferenceSteps: parsed.original_inference_steps ?? d.originalInferenceSteps,
    timestepScaling: parsed.timestep_scaling ?? d.timestepScaling,
  }
}
