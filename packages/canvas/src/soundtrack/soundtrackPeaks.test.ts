import { describe, expect, it } from 'vitest'
import { peakEnvelope } from './soundtrackPeaks'

/** `seconds` of samples at `rate`, each `level(time)`. */
function signal(seconds: number, rate: number, level: (time: number) => number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => level(i / rate))
}

describe('peakEnvelope', () => {
  it('is flat for silence, one bucket per tenth of a second here', () => {
    const peaks = peakEnvelope([signal(2, 1000, () => 0)], 1000, 10)
    expect(peaks.perSecond).toBe(10)
    expect(Array.from(peaks.values)).toEqual(new Array(20).fill(0))
  })

  it('shows a loud middle in the middle bucket only', () => {
    const peaks = peakEnvelope([signal(3, 1000, (t) => (t >= 1 && t < 2 ? 0.8 : 0.1))], 1000, 1)
    expect(Array.from(peaks.values).map((v) => Math.round(v * 10) / 10)).toEqual([0.1, 0.8, 0.1])
  })

  it('keeps the loudest sample of every channel, negative ones too', () => {
    const left = signal(2, 100, (t) => (t < 1 ? 0.2 : 0))
    const right = signal(2, 100, (t) => (t < 1 ? 0 : -0.6))
    const { values } = peakEnvelope([left, right], 100, 1)
    expect(Array.from(values).map((v) => Math.round(v * 10) / 10)).toEqual([0.2, 0.6])
  })

  it('puts each sample in the bucket its time falls in, the last bucket taking the remainder', () => {
    // 44.1 kHz into 100 buckets a second: 441 samples each; 1.005 s of sound leaves a short last one.
    const rate = 44_100
    const samples = new Float32Array(Math.round(1.005 * rate))
    samples[440] = 0.3 // the last sample of bucket 0
    samples[441] = 0.5 // the first of bucket 1
    samples[samples.length - 1] = 0.9
    const { values } = peakEnvelope([samples], rate, 100)
    expect(values).toHaveLength(101)
    expect([values[0], values[1], values[2], values[100]]).toEqual([Math.fround(0.3), 0.5, 0, Math.fround(0.9)])
  })
})
