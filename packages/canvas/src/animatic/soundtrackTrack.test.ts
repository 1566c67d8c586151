import { describe, expect, it } from 'vitest'
import { mixPart } from './soundtrackTrack'

/** A node of the stand-in graph: what it feeds, and for a gain, by how much. */
interface FakeNode {
  readonly kind: 'source' | 'gain' | 'destination'
  next: FakeNode | null
  gain?: { value: number }
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
      return { ...node('gain'), gain: { value: 1 } }
    },
  }
  /** How loud each played part reaches the mix (the product of the gains on its way), and when it plays. */
  const heard = () =>
    sources.map((source) => {
      let level = 1
      let at: FakeNode | null = source.next
      while (at && at.kind !== 'destination') {
        level *= at.gain?.value ?? 1
        at = at.next
      }
      return { reachesMix: at === destination, level, started: source.started, buffer: source.buffer }
    })
  return { context: context as unknown as BaseAudioContext, heard }
}

const decoded = { duration: 3 } as AudioBuffer

describe('mixPart', () => {
  it('mixes a shot’s sound set to 40 % in at 0.4 of its level, from its shot’s start', () => {
    const { context, heard } = recordingContext()
    mixPart(context, decoded, { at: 2, from: 0, seconds: 1.5, gain: 0.4 })
    expect(heard()).toEqual([{ reachesMix: true, level: 0.4, started: [2, 0, 1.5], buffer: decoded }])
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
