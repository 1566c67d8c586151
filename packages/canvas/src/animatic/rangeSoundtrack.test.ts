import { describe, expect, it } from 'vitest'
import { shotSoundLayers, soundtrackLayer, soundtrackParts } from './rangeSoundtrack'

const track = { duration: 20, startAt: 1.5 }

describe('soundtrackParts', () => {
  it('plays the whole board’s soundtrack from its Starts at', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 9 }])).toEqual([{ at: 0, from: 1.5, seconds: 9 }])
  })

  it('plays a scene’s part: Starts at plus the scene’s start on the board', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 3.5, startSeconds: 0, seconds: 6 }])).toEqual([{ at: 0, from: 5, seconds: 6 }])
  })

  it('plays each unbroken run of a selection from its own place, so every shot hears what plays under it on the board', () => {
    expect(
      soundtrackParts(track, [
        { boardStartSeconds: 0, startSeconds: 0, seconds: 2 },
        { boardStartSeconds: 6.5, startSeconds: 2, seconds: 3 },
      ]),
    ).toEqual([
      { at: 0, from: 1.5, seconds: 2 },
      { at: 2, from: 8, seconds: 3 },
    ])
  })

  it('has nothing for a part past the end of the file', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 18.5, startSeconds: 0, seconds: 4 }])).toEqual([])
  })
})

describe('soundtrackLayer', () => {
  it('plays the soundtrack’s parts at full level, under the shots’ sounds', () => {
    const soundtrack = { ...track, src: '/api/boards/BoardBoardBoard0/assets/score' }
    expect(soundtrackLayer(soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 9 }])).toEqual({
      src: soundtrack.src,
      what: 'The soundtrack',
      parts: [{ at: 0, from: 1.5, seconds: 9, gain: 1 }],
      envelope: [{ time: 0, gain: 1 }],
    })
  })

  it('plays the soundtrack along the ducking envelope it is given, over the export’s timeline', () => {
    const soundtrack = { ...track, src: '/api/boards/BoardBoardBoard0/assets/score' }
    const envelope = [
      { time: 0, gain: 1 },
      { time: 1.85, gain: 1 },
      { time: 2, gain: 0.25 },
    ]
    expect(soundtrackLayer(soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 9 }], envelope).envelope).toEqual(envelope)
  })
})

describe('shotSoundLayers', () => {
  const file = (name: string) => `/api/boards/BoardBoardBoard0/assets/${name.repeat(64)}`
  const sound = (src: string, duration: number) => ({ src, mimeType: 'audio/wav' as const, name: 'line.wav', duration })
  const shot = (number: string, startSeconds: number, seconds: number, s: ReturnType<typeof sound> | null, soundVolume = 1) => ({ number, startSeconds, seconds, sound: s, soundVolume })

  it('places each shot’s sound at its shot’s start in the range, from the file’s start', () => {
    expect(shotSoundLayers([shot('1', 0, 2, null), shot('2', 2, 3, sound(file('a'), 1.5))])).toEqual([
      { src: file('a'), what: 'The sound of shot 2', parts: [{ at: 2, from: 0, seconds: 1.5, gain: 1 }] },
    ])
  })

  it('cuts a sound longer than its shot at the cut', () => {
    expect(shotSoundLayers([shot('4', 1, 2, sound(file('a'), 10))])[0]!.parts).toEqual([{ at: 1, from: 0, seconds: 2, gain: 1 }])
  })

  it('loads a file that two shots share once, with a part for each', () => {
    const layers = shotSoundLayers([shot('1', 0, 2, sound(file('a'), 1)), shot('2', 2, 2, sound(file('b'), 1)), shot('3', 4, 2, sound(file('a'), 1))])
    expect(layers.map((layer) => [layer.src, layer.parts.map((part) => part.at)])).toEqual([
      [file('a'), [0, 4]],
      [file('b'), [2]],
    ])
  })

  it('mixes each shot’s sound in at its Volume, a shared file at each shot’s own', () => {
    const door = sound(file('a'), 1)
    const layers = shotSoundLayers([shot('1', 0, 2, door, 0.4), shot('2', 2, 2, door), shot('3', 4, 2, door, 0)])
    expect(layers).toHaveLength(1)
    expect(layers[0]!.parts.map((part) => [part.at, part.gain])).toEqual([
      [0, 0.4],
      [2, 1],
      [4, 0],
    ])
  })

  it('has none when no shot has a sound', () => {
    expect(shotSoundLayers([shot('1', 0, 2, null)])).toEqual([])
  })
})
