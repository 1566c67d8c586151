import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { SoundtrackDucking } from '@storyloom/shared/storyboard/soundtrackDucking'
import type { RangeSegment } from '../exportRange'
import { editAudio, withoutFiles } from './editAudio'
import { duckedSoundtrack } from './editDucking'
import { editTimeline, type EditShot } from './editTimeline'
import { finalCutXml } from './finalCutXml'
import { shotsOf } from './testShots'

const src = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`
const LINE = { src: src(1), mimeType: 'audio/wav' as const, name: 'line.wav', duration: 1 }
const SCORE = { src: src(9), mimeType: 'audio/wav' as const, name: 'Score.wav', duration: 30, startAt: 0 }
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['clipitem', 'keyframe'].includes(name) })

type Levels = { filter?: { effect: { effectid: string; parameter: { value: string; keyframe?: { when: string; value: string }[] } } } }

/** The XML's A1 and A2 clips when `shots` (at 25 fps, over `segments` of the board) are exported with the board's `ducking`. */
function exported(shots: EditShot[], ducking: SoundtrackDucking, segments: RangeSegment[], missing: string[] = []) {
  const timeline = editTimeline('x', shots, 25, { width: 1920, height: 1080 })
  const audio = withoutFiles(editAudio(timeline, shots, SCORE, segments), missing)
  const [a1, a2] = parser.parse(finalCutXml(timeline, duckedSoundtrack(audio, timeline, shots, ducking))).xmeml.sequence.media.audio.track
  return { a1: a1.clipitem as (Levels & { in: string })[], a2: (a2?.clipitem ?? []) as Levels[] }
}

/** A clip's level keyframes as [when, value]. */
const keyframes = (clip: Levels) => clip.filter?.effect.parameter.keyframe?.map((key) => [Number(key.when), Number(key.value)])

describe('duckedSoundtrack', () => {
  it('dips the soundtrack on A1 under a shot’s sound as Present does: down in the 0.15 s before it, back up in the 0.15 s after, in linear gain', () => {
    // Shot 1.2 (frames 50–100 at 25 fps) has a 1 s line: heard from frame 50 to 75.
    const { a1, a2 } = exported(shotsOf([2, 2], [{}, { sound: LINE }]), 12, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }])
    expect(a1).toHaveLength(1)
    expect(a1[0]!.filter?.effect.effectid).toBe('audiolevels')
    // −12 dB is a gain of 0.2512; 0.15 s before frame 50 is frame 46.25, after frame 75 is 78.75.
    expect(keyframes(a1[0]!)).toEqual([
      [0, 1],
      [46, 1],
      [50, 0.2512],
      [75, 0.2512],
      [79, 1],
      [100, 1],
    ])
    expect(a1[0]!.filter?.effect.parameter.value).toBe('1')
    // The line itself keeps its level (full: no filter).
    expect(a2[0]!.filter).toBeUndefined()
  })

  it('makes one dip of sounds less than 0.3 s apart, by the board’s amount', () => {
    // Lines from 0 to 1 s and from 1.2 s: the soundtrack stays down between them.
    const { a1 } = exported(shotsOf([1.2, 2], [{ sound: LINE }, { sound: { ...LINE, src: src(2) } }]), 18, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 3.2 }])
    expect(keyframes(a1[0]!)).toEqual([
      [0, 0.1259],
      [55, 0.1259],
      [59, 1],
      [80, 1],
    ])
  })

  it('writes no levels when the board’s ducking is Off, nor for a sound left out of the edit', () => {
    const shots = shotsOf([2, 2], [{}, { sound: LINE }])
    const board = [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }]
    expect(exported(shots, 0, board).a1[0]!.filter).toBeUndefined()
    expect(exported(shots, 12, board, [LINE.src]).a1[0]!.filter).toBeUndefined()
  })

  it('ducks a scene under its own shots, on its own timeline, keyframes counted in the soundtrack clip’s source frames', () => {
    // Scene 2 of the board starts 2 s in: its sequence starts there (the soundtrack 50 frames into
    // the file); its first shot's line is heard from the sequence's first frame.
    const { a1 } = exported(shotsOf([2, 2], [{ sound: LINE }]), 12, [{ boardStartSeconds: 2, startSeconds: 0, seconds: 4 }])
    expect(a1[0]!.in).toBe('50')
    expect(keyframes(a1[0]!)).toEqual([
      [50, 0.2512],
      [75, 0.2512],
      [79, 1],
      [150, 1],
    ])
    expect(a1[0]!.filter?.effect.parameter.value).toBe('0.2512')
  })

  it('gives each soundtrack clip of a selection its own part of the dip', () => {
    // Shots 1 and 3 of the board selected: two soundtrack clips, the second from 4 s into the file;
    // the first shot's line runs to its cut, where the second clip starts ducked and comes back up.
    const shots = shotsOf([1, 2], [{ sound: { ...LINE, duration: 3 } }])
    const { a1 } = exported(shots, 12, [
      { boardStartSeconds: 0, startSeconds: 0, seconds: 1 },
      { boardStartSeconds: 4, startSeconds: 1, seconds: 2 },
    ])
    expect(a1.map((clip) => clip.in)).toEqual(['0', '100'])
    expect(keyframes(a1[0]!)).toEqual([
      [0, 0.2512],
      [25, 0.2512],
    ])
    expect(keyframes(a1[1]!)).toEqual([
      [100, 0.2512],
      [104, 1],
      [150, 1],
    ])
  })
})
