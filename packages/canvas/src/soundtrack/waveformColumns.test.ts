import { describe, expect, it } from 'vitest'
import { waveformColumns } from './waveformColumns'
import type { SoundtrackPeaks } from './soundtrackPeaks'

/** One bucket a second: `levels[i]` is the loudness of the file's second i. */
const peaks = (...levels: number[]): SoundtrackPeaks => ({ perSecond: 1, values: Float32Array.from(levels) })

describe('waveformColumns', () => {
  it('spreads the animatic runtime over the columns, file time = animatic time with no offset', () => {
    const file = peaks(0, 0, 1, 0, 0, 0, 0, 0, 0, 0)
    expect(Array.from(waveformColumns(file, { duration: 10, startAt: 0 }, 5, 5))).toEqual([0, 0, 1, 0, 0])
    // Twice the columns: each half a second of the animatic.
    expect(Array.from(waveformColumns(file, { duration: 10, startAt: 0 }, 5, 10))).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0])
  })

  it('is shifted left by Starts at (the file heard at animatic time t is startsAt + t)', () => {
    const file = peaks(0, 0, 1, 0, 0, 0, 0, 0, 0, 0)
    expect(Array.from(waveformColumns(file, { duration: 10, startAt: 2 }, 5, 5))).toEqual([1, 0, 0, 0, 0])
    expect(Array.from(waveformColumns(file, { duration: 10, startAt: 3 }, 5, 5))).toEqual([0, 0, 0, 0, 0])
  })

  it('ends where a file shorter than the animatic ends: flat after it', () => {
    const file = peaks(1, 1, 1)
    expect(Array.from(waveformColumns(file, { duration: 3, startAt: 0 }, 6, 6))).toEqual([1, 1, 1, 0, 0, 0])
    expect(Array.from(waveformColumns(file, { duration: 3, startAt: 1 }, 6, 6))).toEqual([1, 1, 0, 0, 0, 0])
  })

  it('cuts a file longer than the animatic at its end', () => {
    const file = peaks(0, 0, 0, 1, 1)
    // The animatic is 3 s: the file's loud seconds 3 and 4 are past its end.
    expect(Array.from(waveformColumns(file, { duration: 5, startAt: 0 }, 3, 6))).toEqual([0, 0, 0, 0, 0, 0])
    expect(Array.from(waveformColumns(file, { duration: 5, startAt: 1 }, 3, 6))).toEqual([0, 0, 0, 0, 1, 1])
  })

  it('is flat with no animatic to show, and as many columns as asked', () => {
    expect(Array.from(waveformColumns(peaks(1, 1), { duration: 2, startAt: 0 }, 0, 4))).toEqual([0, 0, 0, 0])
  })
})
