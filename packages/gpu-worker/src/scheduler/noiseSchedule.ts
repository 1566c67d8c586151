import type { SchedulerConfig } from './schedulerConfig'

/**
 * The training noise schedule: ᾱ_t (alphas_cumprod) for t = 0 … T-1.
 *
 * Computed in float32 steps like diffusers (torch.linspace(..., dtype=float32) ** 2, then a
 * float32 cumprod) so sigmas match its values to float32 precision.
 */
export function alphasCumprod(config: Pick<SchedulerConfig, 'numTrainTimesteps' | 'betaStart' | 'betaEnd' | 'betaSchedule'>): Float64Array {
  const n = config.numTrainTimesteps
  const out = new Float64Array(n)
  const [from, to] = config.betaSchedule === 'scaled_linear' ? [Math.sqrt(config.betaStart), Math.sqrt(config.betaEnd)] : [config.betaStart, config.betaEnd]
  let product = 1
  for (let t = 0; t < n; t++) {
    const x = Math.fround(n === 1 ? from : from + ((to - from) * t) / (n - 1))
    const beta = config.betaSchedule === 'scaled_linear' ? Math.fround(x * x) : x
    product = Math.fround(product * Math.fround(1 - beta))
    out[t] = product
  }
  return out
}

/** Karras-style sigmas of the training schedule: σ_t = √((1 − ᾱ_t) / ᾱ_t). */
export function trainingSigmas(alphas: Float64Array): Float64Array {
  return alphas.map((a) => Math.fround(Math.sqrt(Math.fround(Math.fround(1 - a) / a))))
}

type ScheduleConfig = Pick<SchedulerConfig, 'numTrainTimesteps' | 'betaStart' | 'betaEnd' | 'betaSchedule'>
const schedules = new Map<string, { alphas: Float64Array; sigmas: Float64Array }>()

/**
 * {@link alphasCumprod} and {@link trainingSigmas} of a schedule, computed once per distinct
 * schedule (a model has one): the samplers are made per generation, and these 1,000-entry
 * tables were ~0.03 ms of each. The arrays are shared: read them, never write them.
 */
export function trainingSchedule(config: ScheduleConfig): { readonly alphas: Float64Array; readonly sigmas: Float64Array } {
  const key = `${config.numTrainTimesteps} ${config.betaStart} ${config.betaEnd} ${config.betaSchedule}`
  let schedule = schedules.get(key)
  if (!schedule) {
    if (schedules.size >= 32) schedules.clear() // a handful of models in a worker's life; bounded all the same
    const alphas = alphasCumprod(config)
    schedule = { alphas, sigmas: trainingSigmas(alphas) }
    schedules.set(key, schedule)
  }
  return schedule
}

/** numpy.interp over integer knots 0 … n-1 (linear, clamped at the ends). */
export function interpolate(table: Float64Array, x: number): number {
  const last = table.length - 1
  if (x <= 0) return table[0] as number
  if (x >= last) return table[last] as number
  const i = Math.floor(x)
  const f = x - i
  return (table[i] as number) * (1 - f) + (table[i + 1] as number) * f
}
