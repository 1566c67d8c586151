import { describe, expect, it } from 'vitest'
import { InvalidGenerationParamsError } from '../errors'
import { EulerDiscreteScheduler, spacedTimesteps } from './eulerDiscreteScheduler'
import { LcmScheduler, guidanceScaleEmbedding } from './lcmScheduler'
import { alphasCumprod, trainingSchedule, trainingSigmas } from './noiseSchedule'
import { createScheduler } from './scheduler'
import { defaultSchedulerConfig, parseSchedulerConfig, type SchedulerConfig } from './schedulerConfig'

// Reference values come from diffusers' formulas evaluated with numpy in float32, as torch does:
//   betas = linspace(0.00085**0.5, 0.012**0.5, 1000, float32) ** 2
//   alphas_cumprod = cumprod(1 - betas); sigmas = ((1 - ac) / ac) ** 0.5
//   Euler: sigma(t) = np.interp(t, arange(1000), sigmas); trailing: round(arange(1000, 0, -1000/n)) - 1
//   LCM:   origin = (arange(1, 50 * strength + 1) * 20 - 1)[::-1]; t = origin[floor(linspace(0, len, n, endpoint=False))]
const euler = (overrides: Partial<SchedulerConfig> = {}): SchedulerConfig => ({ ...defaultSchedulerConfig, kind: 'euler', ...overrides })
const lcm = (overrides: Partial<SchedulerConfig> = {}): SchedulerConfig => ({ ...defaultSchedulerConfig, kind: 'lcm', ...overrides })

function expectClose(actual: readonly number[], expected: readonly number[], tolerance = 1e-4) {
  expect(actual.length).toBe(expected.length)
  actual.forEach((value, i) => expect(Math.abs(value - (expected[i] as number))).toBeLessThan(tolerance))
}

describe('noise schedule', () => {
  it("matches diffusers' scaled_linear schedule at both ends", () => {
    const alphas = alphasCumprod(defaultSchedulerConfig)
    expect(alphas[0]).toBeCloseTo(1 - 0.00085, 7)
    expect(alphas[999]).toBeCloseTo(0.0046600895, 8)
    const sigmas = trainingSigmas(alphas)
    expect(sigmas[999]).toBeCloseTo(14.6146555, 5)
    expect(sigmas[0]).toBeCloseTo(0.029167533, 7)
  })
})

describe('trainingSchedule (computed once per schedule)', () => {
  it('gives the computed tables, the same ones again for an equal schedule, and new ones for another', () => {
    const schedule = trainingSchedule(euler())
    expect(Array.from(schedule.alphas)).toEqual(Array.from(alphasCumprod(euler())))
    expect(Array.from(schedule.sigmas)).toEqual(Array.from(trainingSigmas(alphasCumprod(euler()))))
    expect(trainingSchedule(lcm())).toBe(schedule) // only the schedule's own fields matter
    const other = trainingSchedule(euler({ betaEnd: 0.02 }))
    expect(other).not.toBe(schedule)
    expect(Array.from(other.alphas)).toEqual(Array.from(alphasCumprod(euler({ betaEnd: 0.02 }))))
  })
})

describe('EulerDiscreteScheduler', () => {
  it('runs SD-Turbo one step at timestep 999, sigma 14.6146', () => {
    const s = createScheduler(euler(), { steps: 1 }) as EulerDiscreteScheduler
    expect(s.timesteps).toEqual([999])
    expectClose(s.sigmas, [14.6146, 0])
    expectClose([s.initNoiseSigma], [14.6146])
  })

  it('spaces timesteps like diffusers for trailing, linspace and leading', () => {
    expect(spacedTimesteps(euler(), 4)).toEqual([999, 749, 499, 249])
    expect(spacedTimesteps(euler({ timestepSpacing: 'linspace' }), 4)).toEqual([999, 666, 333, 0])
    expect(spacedTimesteps(euler({ timestepSpacing: 'leading', stepsOffset: 1 }), 4)).toEqual([751, 501, 251, 1])
    // 1000/16 = 62.5 apart: numpy rounds halves to even (812.5 → 812).
    expect(spacedTimesteps(euler(), 16).slice(0, 4)).toEqual([999, 937, 874, 811])
  })

  it('interpolates sigmas for each spacing', () => {
    expectClose((createScheduler(euler(), { steps: 4 }) as EulerDiscreteScheduler).sigmas, [14.61466, 4.08173, 1.61289, 0.69321, 0])
    const lin = createScheduler(euler({ timestepSpacing: 'linspace' }), { steps: 4 }) as EulerDiscreteScheduler
    expectClose(lin.sigmas, [14.61466, 2.91831, 0.93236, 0.02917, 0])
    // leading spacing starts from sqrt(sigma_max² + 1), like diffusers' init_noise_sigma.
    expectClose([createScheduler(euler({ timestepSpacing: 'leading', stepsOffset: 1 }), { steps: 4 }).initNoiseSigma], [4.23642])
  })

  it('runs floor(steps × strength) steps for image-to-image, and refuses fewer than one', () => {
    const twoAtHalf = createScheduler(euler(), { steps: 2, strength: 0.5 }) as EulerDiscreteScheduler
    expect(twoAtHalf.timesteps).toEqual([499])
    expectClose(twoAtHalf.sigmas, [1.61289, 0])
    expect(createScheduler(euler(), { steps: 4, strength: 0.5 }).timesteps).toEqual([499, 249])
    expect(() => createScheduler(euler(), { steps: 1, strength: 0.5 })).toThrow(InvalidGenerationParamsError)
    expect(() => createScheduler(euler(), { steps: 0 })).toThrow(InvalidGenerationParamsError)
    expect(() => createScheduler(euler(), { steps: 2, strength: 1.5 })).toThrow(InvalidGenerationParamsError)
  })

  it('noises an image-to-image latent by the first sigma', () => {
    const s = createScheduler(euler(), { steps: 2, strength: 0.5 })
    const noised = s.addNoise(new Float32Array([1, 2]), new Float32Array([1, -1]))
    expectClose(Array.from(noised), [1 + 1.61289, 2 - 1.61289])
  })

  it('one epsilon step from pure noise lands on the clean prediction x − σ·ε', () => {
    const s = createScheduler(euler(), { steps: 1 })
    const sigma = 14.6146555
    const sample = new Float32Array([sigma * 0.5 + 0.25, -sigma])
    const eps = new Float32Array([0.5, -1])
    const { prevSample, denoised } = s.step(eps, 0, sample, () => new Float32Array(2))
    expectClose(Array.from(denoised), [0.25, 0], 1e-5)
    expectClose(Array.from(prevSample), [0.25, 0], 1e-5)
    expectClose(Array.from(s.scaleModelInput(new Float32Array([1]), 0)), [1 / Math.sqrt(sigma * sigma + 1)])
  })

  it('takes a partial Euler step between two sigmas', () => {
    const s = createScheduler(euler(), { steps: 4 })
    // x = 10, eps = 0.5 at sigma 14.61466: x0 = 10 − 7.30733 = 2.69267; next sigma 4.08173:
    // x' = x + (x − x0)/σ · (σ' − σ) = 10 + 0.5 · (4.08173 − 14.61466) = 4.73354
    const { prevSample, denoised } = s.step(new Float32Array([0.5]), 0, new Float32Array([10]), () => new Float32Array(1))
    expectClose(Array.from(denoised), [2.69267])
    expectClose(Array.from(prevSample), [4.73354])
  })

  it('reads v-prediction outputs', () => {
    const s = createScheduler(euler({ predictionType: 'v_prediction' }), { steps: 1 })
    // x0 = v · (−σ/√(σ²+1)) + x/(σ²+1) with σ = 14.6146555, x = 2, v = 1 → −0.99767 + 0.00932
    const { denoised } = s.step(new Float32Array([1]), 0, new Float32Array([2]), () => new Float32Array(1))
    expectClose(Array.from(denoised), [-0.98835])
  })
})

describe('LcmScheduler', () => {
  it("uses LCM's distilled timesteps", () => {
    expect(createScheduler(lcm(), { steps: 4 }).timesteps).toEqual([999, 759, 499, 259])
    expect(createScheduler(lcm(), { steps: 2 }).timesteps).toEqual([999, 499])
    expect(createScheduler(lcm(), { steps: 1 }).timesteps).toEqual([999])
    expect(createScheduler(lcm(), { steps: 4, strength: 0.5 }).timesteps).toEqual([499, 379, 259, 139])
    expect(() => createScheduler(lcm(), { steps: 30, strength: 0.5 })).toThrow(InvalidGenerationParamsError)
  })

  it('has the boundary-condition scalings of diffusers', () => {
    const s = createScheduler(lcm(), { steps: 4 }) as LcmScheduler
    // c_skip = 0.25 / ((10t)² + 0.25), c_out = 10t / √((10t)² + 0.25)
    expect(s.boundaryScalings(999).cSkip).toBeCloseTo(2.5050075e-9, 15)
    expect(s.boundaryScalings(999).cOut).toBeCloseTo(1, 8)
    expect(s.boundaryScalings(0)).toEqual({ cSkip: 1, cOut: 0 })
  })

  it('re-noises between steps and returns the clean latent on the last one', () => {
    const s = createScheduler(lcm(), { steps: 2 })
    let draws = 0
    const noise = (n: number) => {
      draws++
      return new Float32Array(n).fill(1)
    }
    // At t = 999: ᾱ = 0.0046600895; x0 = (x − √(1−ᾱ)·ε)/√ᾱ. With x = √(1−ᾱ), ε = 1 → x0 = 0.
    const x = Math.sqrt(1 - 0.0046600895)
    const first = s.step(new Float32Array([1]), 0, new Float32Array([x]), noise)
    expect(Math.abs(first.denoised[0] as number)).toBeLessThan(1e-4)
    // Re-noised to t = 499 (ᾱ = 0.27766952) with unit noise: √(1 − ᾱ) = 0.84990
    expectClose(Array.from(first.prevSample), [0.8499])
    expect(draws).toBe(1)
    const last = s.step(new Float32Array([0]), 1, new Float32Array([0.5]), noise)
    expect(draws).toBe(1)
    expect(last.prevSample).toBe(last.denoised)
  })

  it('embeds guidance for timestep_cond like get_guidance_scale_embedding', () => {
    const emb = guidanceScaleEmbedding(8, 256)
    expectClose(Array.from(emb.slice(0, 3)), [0.50688543, 0.80438685, -0.86045685])
    expectClose(Array.from(emb.slice(128, 131)), [0.86201343, 0.59410587, -0.50952332])
  })
})

describe('parseSchedulerConfig', () => {
  it("reads SD-Turbo's and LCM's diffusers configs", () => {
    const turbo = parseSchedulerConfig({ _class_name: 'EulerDiscreteScheduler', timestep_spacing: 'trailing', beta_schedule: 'scaled_linear', prediction_type: 'epsilon', extra: 1 })
    expect(turbo.kind).toBe('euler')
    expect(turbo.timestepSpacing).toBe('trailing')
    const lcmConfig = parseSchedulerConfig({ _class_name: 'LCMScheduler', original_inference_steps: 50 })
    expect(lcmConfig.kind).toBe('lcm')
    expect(parseSchedulerConfig({ _class_name: 'PNDMScheduler', steps_offset: 1 }, 'euler').stepsOffset).toBe(1)
    expect(() => parseSchedulerConfig({ beta_schedule: 'squaredcos_cap_v2' })).toThrow()
  })
})
