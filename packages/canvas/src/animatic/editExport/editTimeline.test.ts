import { describe, expect, it } from 'vitest'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const SIZE = { width: 1920, height: 1080 }

describe('editTimeline', () => {
  it('gives each shot its duration in frames, back to back, adding up to the whole', () => {
    const timeline = editTimeline('Harbour', shotsOf([1.5, 0.75, 2]), 24, SIZE)
    expect(timeline.clips.map((c) => [c.startFrame, c.frames])).toEqual([
      [0, 36],
      [36, 18],
      [54, 48],
    ])
    expect(timeline.totalFrames).toBe(102)
  })

  it('rounds cuts to the nearest frame at another rate, so the clips still add up to the whole', () => {
    const shots = shotsOf([0.41, 0.41, 0.41, 0.41, 0.41, 0.41, 0.41])
    const timeline = editTimeline('x', shots, 29.97, SIZE)
    const sum = timeline.clips.reduce((total, clip) => total + clip.frames, 0)
    expect(sum).toBe(timeline.totalFrames)
    expect(timeline.totalFrames).toBe(Math.round(0.41 * 7 * (30000 / 1001)))
    timeline.clips.forEach((clip, i) => expect(clip.startFrame).toBe(i === 0 ? 0 : timeline.clips[i - 1]!.startFrame + timeline.clips[i - 1]!.frames))
  })

  it('makes dissolves and wipes a cross dissolve and a fade a dip to black, as long as Present plays them; cuts of any kind stay cuts', () => {
    const shots = shotsOf([2, 2, 2, 2, 2, 0.05], [{ transitionIn: 'fade' }, { transitionIn: 'dissolve' }, { transitionIn: 'wipe' }, { transitionIn: 'fade' }, { transitionIn: 'smash-cut' }, { transitionIn: 'dissolve' }])
    const at24 = editTimeline('x', shots, 24, SIZE).clips.map((c) => c.transitionIn)
    // The first shot has nothing before it to dissolve from; a shot shorter than two frames is cut to.
    // At the usual lengths: half a second for a dissolve or wipe, three quarters for a fade.
    expect(at24).toEqual([null, { kind: 'dissolve', frames: 12 }, { kind: 'dissolve', frames: 12 }, { kind: 'dip-to-black', frames: 18 }, null, null])
    expect(editTimeline('x', shots, 30, SIZE).clips[1]!.transitionIn).toEqual({ kind: 'dissolve', frames: 15 })
    // Never more than half the clip it leads into, as Present plays it.
    expect(editTimeline('x', shotsOf([1, 0.5], [{}, { transitionIn: 'dissolve' }]), 24, SIZE).clips[1]!.transitionIn!.frames).toBe(6)
  })

  it("writes each shot's own transition length in frames at the edit's rate, still never more than half its clip", () => {
    const shots = shotsOf([2, 4, 4, 1], [{}, { transitionIn: 'dissolve', transitionInSeconds: 13 / 24 }, { transitionIn: 'fade', transitionInSeconds: 1.5 }, { transitionIn: 'wipe', transitionInSeconds: 2 }])
    expect(editTimeline('x', shots, 24, SIZE).clips.map((c) => c.transitionIn)).toEqual([
      null,
      { kind: 'dissolve', frames: 13 },
      { kind: 'dip-to-black', frames: 36 },
      { kind: 'dissolve', frames: 12 },
    ])
    // The same seconds at another rate: the nearest whole frame.
    expect(editTimeline('x', shots, 25, SIZE).clips[1]!.transitionIn).toEqual({ kind: 'dissolve', frames: 14 })
  })

  it('names clips by number and title, on one line', () => {
    const timeline = editTimeline('', shotsOf([1, 1], [{ title: 'Opening\nshot' }, { title: '' }]), 25, SIZE)
    expect(timeline.clips.map((c) => c.name)).toEqual(['1.1 Opening shot', '1.2'])
    expect(timeline.title).toBe('Storyboard')
  })
})
