import { describe, expect, it } from 'vitest'
import { formatSoundLength, parseVolumePercent, shotSoundLabel } from './shotSoundText'

describe('shot sound text', () => {
  it('says a short sound in seconds to the tenth, never rounding up past its end', () => {
    expect(formatSoundLength(2.4)).toBe('2.4 s')
    expect(formatSoundLength(0.05)).toBe('0.0 s')
    expect(formatSoundLength(59.99)).toBe('59.9 s')
  })

  it('says a minute or more as a clock', () => {
    expect(formatSoundLength(65.25)).toBe('1:05.2')
  })

  it('names the file and its length, or only the length for a reviewer sent no name', () => {
    expect(shotSoundLabel({ name: 'line-12.wav', duration: 2.4 })).toBe('Sound: line-12.wav, 2.4 s')
    expect(shotSoundLabel({ name: '', duration: 2.4 })).toBe('Sound, 2.4 s')
  })

  it('reads a Volume typed as a whole percentage from 0 to 100, with or without %', () => {
    expect(['0', '40', ' 40 % ', '40%', '100'].map(parseVolumePercent)).toEqual([0, 40, 40, 40, 100].map((value) => ({ ok: true, value })))
  })

  it('says what is wrong with a Volume it cannot play, and writes nothing', () => {
    const message = { ok: false, message: 'Volume must be a whole percentage from 0 to 100.' }
    for (const typed of ['', 'loud', '101', '-5', '40.5', 'Infinity', '1e3']) expect(parseVolumePercent(typed)).toEqual(message)
  })
})
