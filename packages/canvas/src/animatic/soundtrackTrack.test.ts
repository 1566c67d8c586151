import { describe, expect, it } from 'vitest'
import { keepUnderFullScale, mixLayer, mixPart } from './soundtrackTrack'

/** A node of the stand-in graph: what it feeds, and for a gain, by how much. */
interface FakeNode {
  readonly kind: 'source' | 'gain' | 'destination'
  next: FakeNode | null
  gain?: { value: number; automation: string[] }
  started?: [number, number, number]
  buffer?: unknown
  connect(node: FakeNode): FakeNode
  start?(when: number, offset: number, duration: number): void
}

/** Stands in for the OfflineAudioContext the export mixes in (Node has none): it keeps the graph parts are played through. */
function recordingContext() {
  const node = (kind: FakeNode['kind']): FakeNode => ({
    kind,
    next: null,
    connect(target) {
      this.next = target
      return target
    },
  })
  const destination = node('destination')
  const sources: FakeNode[] = []
  const context = {
    destination,
    createBufferSource() {
      const source: FakeNode = {
        ...node('source'),
        start(when, offset, duration) {
          this.started = [when, offset, duration]
        },
      }
      sources.push(source)
      return source
    },
    createGain() {
      const automation: string[] = []
      return {
        ...node('gain'),
        gain: {
          value: 1,
          automation,
          setValueAtTime: (value: number, time: number) => automation.push(`set ${value} @${time}`),
          linearRampToValueAtTime: (value: number, time: number) => automation.push(`ramp ${value} @${time}`),
        },
      }
    },
  }
  /** How loud each played part reaches the mix (the product of the gains on its way), and when it plays. */
  const heard = () =>
    sources.map((source) => {
      let level = 1
      const automation: string[] = []
      let at: FakeNode | null = source.next
      while (at && at.kind !== 'destination') {
        level *= at.gain?.value ?? 1
        automation.push(...(at.gain?.automation ?? []))
        at = at.next
      }
      return { reachesMix: at === destination, level, automation, started: source.started, buffer: source.buffer }
    })
  return { context: context as unknown as BaseAudioContext, heard }
}

const decoded = { duration: 3 } as AudioBuffer

describe('mixPart', () => {
  it('mixes a shot’s sound set to 40 % in at 0.4 of its level, from its shot’s start', () => {
    const { context, heard } = recordingContext()
    mixPart(context, decoded, { at: 2, from: 0, seconds: 1.5, gain: 0.4 })
    expect(heard()).toEqual([{ reachesMix: true, level: 0.4, automation: [], started: [2, 0, 1.5], buffer: decoded }])
  })

  it('mixes the soundtrack and a sound at full level as they are, and a silenced one at none', () => {
    const { context, heard } = recordingContext()
    mixPart(context, decoded, { at: 0, from: 1, seconds: 2, gain: 1 })
    mixPart(context, decoded, { at: 1, from: 0, seconds: 1, gain: 0 })
    expect(heard().map(({ reachesMix, level }) => [reachesMix, level])).toEqual([
      [true, 1],
      [true, 0],
    ])
  })

  it('starts no later in the file than the file lasts', () => {
    const { context, heard } = recordingContext()
    mixPart(context, decoded, { at: 0, from: 5, seconds: 1, gain: 1 })
    expect(heard()[0]!.started).toEqual([0, 3, 1])
  })
})

describe('mixLayer', () => {
  const layer = {
    src: '/api/boards/b/assets/score',
    what: 'The soundtrack',
    parts: [
      { at: 0, from: 1, seconds: 2, gain: 1 },
      { at: 2, from: 7, seconds: 3, gain: 1 },
    ],
  }

  it('plays every part of the soundtrack through one gain that follows the ducking envelope, so the dips fall where the shots’ sounds are', () => {
    const { context, heard } = recordingContext()
    const envelope = [
      { time: 0, gain: 1 },
      { time: 2.85, gain: 1 },
      { time: 3, gain: 0.25 },
      { time: 4, gain: 0.25 },
      { time: 4.15, gain: 1 },
    ]
    mixLayer(context, decoded, { ...layer, envelope })
    const automation = ['set 1 @0', 'ramp 1 @2.85', 'ramp 0.25 @3', 'ramp 0.25 @4', 'ramp 1 @4.15']
    expect(heard()).toEqual([
      { reachesMix: true, level: 1, automation, started: [0, 1, 2], buffer: decoded },
      { reachesMix: true, level: 1, automation, started: [2, 3, 3], buffer: decoded },
    ])
  })

  it('mixes a layer without an envelope (a shot’s sound) at its parts’ levels alone', () => {
    const { context, heard } = recordingContext()
    mixLayer(context, decoded, { ...layer, parts: [{ at: 1, from: 0, seconds: 1, gain: 0.5 }] })
    expect(heard()).toEqual([{ reachesMix: true, level: 0.5, automation: [], started: [1, 0, 1], buffer: decoded }])
  })
})

describe('keepUnderFullScale', () => {
  const buffer = (...channels: number[][]) => {
    const data = channels.map((samples) => Float32Array.from(samples))
    return { numberOfChannels: data.length, getChannelData: (channel: number) => data[channel]!, data }
  }

  it('lowers a mix that would clip so its loudest sample is at full scale, keeping the balance between channels and sounds', () => {
    const mix = buffer([0.5, -1.6, 0.8], [0.2, 1.2, -0.4])
    expect(keepUnderFullScale(mix as unknown as AudioBuffer)).toBeCloseTo(1 / 1.6, 6)
    expect(Array.from(mix.data[0]!)).toEqual([0.5 / 1.6, -1, 0.8 / 1.6].map(Math.fround))
    expect(Array.from(mix.data[1]!).map((v) => Number(v.toFixed(6)))).toEqual([0.125, 0.75, -0.25])
    expect(Math.max(...mix.data.flatMap((channel) => Array.from(channel, Math.abs)))).toBeLessThanOrEqual(1)
  })

  it('leaves a mix that does not clip exactly as it is', () => {
    const mix = buffer([0.5, -1, 0.8], [0.99, 0, -0.3])
    const before = mix.data.map((channel) => Array.from(channel))
    expect(keepUnderFullScale(mix as unknown as AudioBuffer)).toBe(1)
    expect(mix.data.map((channel) => Array.from(channel))).toEqual(before)
  })
})
