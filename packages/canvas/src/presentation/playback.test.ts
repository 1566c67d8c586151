import { describe, expect, it } from 'vitest'
import { advance, followEdit, formatClock, frameClock, keepPlace, seek, shotIndexOf, stepShot, timeOf, START } from './playback'
import type { PresentationModel } from './presentationShots'
import { presentationShot as shot } from './testing/presentationShot'

const model: PresentationModel = { shots: [shot('a', 0, 2), shot('b', 2, 3), shot('c', 5, 1)], totalSeconds: 6, scenes: [], hasScenes: false }

describe('playback', () => {
  it('plays each shot for its duration, then the next', () => {
    let position = { shotId: 'a', offset: 0 }
    const seen: string[] = []
    for (let i = 0; i < 59; i++) {
      const next = advance(model, position, 0.1)
      position = next.position as typeof position
      if (seen.at(-1) !== position.shotId) seen.push(position.shotId)
      expect(next.ended).toBe(false)
    }
    expect(seen).toEqual(['a', 'b', 'c'])
    expect(advance(model, position, 0.2)).toEqual({ position: { shotId: 'c', offset: 1 }, ended: true })
  })

  it('seeks to the shot under a time and clamps to the animatic', () => {
    expect(seek(model, 2.5)).toEqual({ shotId: 'b', offset: 0.5 })
    expect(seek(model, -1)).toEqual({ shotId: 'a', offset: 0 })
    expect(seek(model, 99)).toEqual({ shotId: 'c', offset: 1 })
    expect(timeOf(model, { shotId: 'b', offset: 1 })).toBe(3)
  })

  it('steps to the start of the previous and next shot, stopping at the ends', () => {
    expect(stepShot(model, { shotId: 'b', offset: 1.5 }, 1)).toEqual({ shotId: 'c', offset: 0 })
    expect(stepShot(model, { shotId: 'b', offset: 1.5 }, -1)).toEqual({ shotId: 'a', offset: 0 })
    expect(stepShot(model, { shotId: 'c', offset: 0 }, 1)).toEqual({ shotId: 'c', offset: 0 })
    // Next on the last shot has nowhere to go: the playhead stays (at the end, after End or play, too) —
    // it used to jump back to the last shot's start.
    expect(stepShot(model, { shotId: 'c', offset: 0.5 }, 1)).toEqual({ shotId: 'c', offset: 0.5 })
    expect(stepShot(model, { shotId: 'c', offset: 1 }, 1)).toEqual({ shotId: 'c', offset: 1 })
    // Previous on the first shot goes to its start.
    expect(stepShot(model, { shotId: 'a', offset: 1 }, -1)).toEqual({ shotId: 'a', offset: 0 })
  })

  it('stays on its shot when shots are reordered; a shot it does not know reads as the first', () => {
    const reordered: PresentationModel = { shots: [shot('b', 0, 3), shot('a', 3, 2), shot('c', 5, 1)], totalSeconds: 6, scenes: [], hasScenes: false }
    expect(shotIndexOf(reordered, { shotId: 'a', offset: 1 })).toBe(1)
    expect(timeOf(reordered, { shotId: 'a', offset: 1 })).toBe(4)
    expect(shotIndexOf(reordered, { shotId: 'gone', offset: 1 })).toBe(0)
    expect(seek({ shots: [], totalSeconds: 0, scenes: [], hasScenes: false }, 3)).toEqual(START)
  })

  it('keeps its place when the shot it is on is moved or deleted: the shot follows it, else the previous one', () => {
    const five: PresentationModel = { shots: ['a', 'b', 'c', 'd', 'e'].map((id, i) => shot(id, i, 1)), totalSeconds: 5, scenes: [], hasScenes: false }
    const without = (...gone: string[]): PresentationModel => ({ ...five, shots: five.shots.filter((s) => !gone.includes(s.id)) })
    const onC = { shotId: 'c', offset: 0.4 }
    // Moved: it stays on the shot (same position), not on the index it had.
    const moved: PresentationModel = { ...five, shots: [five.shots[2]!, five.shots[0]!, five.shots[1]!, five.shots[3]!, five.shots[4]!] }
    expect(keepPlace(five, moved, onC)).toBe(onC)
    expect(shotIndexOf(moved, keepPlace(five, moved, onC))).toBe(0)
    // Deleted: the start of the shot that took its place, the next one…
    expect(keepPlace(five, without('c'), onC)).toEqual({ shotId: 'd', offset: 0 })
    // …the next one left when its neighbours went with it…
    expect(keepPlace(five, without('c', 'd'), onC)).toEqual({ shotId: 'e', offset: 0 })
    // …the previous one when it was last…
    expect(keepPlace(five, without('c', 'd', 'e'), onC)).toEqual({ shotId: 'b', offset: 0 })
    // …and the start when no shot is left; a shot added later then plays from the first.
    expect(keepPlace(five, without('a', 'b', 'c', 'd', 'e'), onC)).toEqual(START)
    // Another shot deleted: it stays where it is.
    expect(keepPlace(five, without('a'), onC)).toBe(onC)
    // A position on no shot it knew of (the URL's shot, long gone; the start) is left as it is.
    expect(keepPlace(five, without('c'), { shotId: 'gone', offset: 0 })).toEqual({ shotId: 'gone', offset: 0 })
    expect(keepPlace(five, without('c'), START)).toBe(START)
  })

  it('goes back to a deleted shot when the delete is undone, if the viewer has not moved since', () => {
    const five: PresentationModel = { shots: ['a', 'b', 'c', 'd', 'e'].map((id, i) => shot(id, i, 1)), totalSeconds: 5, scenes: [], hasScenes: false }
    const without = (...gone: string[]): PresentationModel => ({ ...five, shots: five.shots.filter((s) => !gone.includes(s.id)) })
    const onC = { shotId: 'c', offset: 0.4 }
    // C deleted: on D, remembering C.
    const deleted = followEdit(five, without('c'), onC, null)
    expect(deleted.position).toEqual({ shotId: 'd', offset: 0 })
    // Another edit meanwhile (E deleted) changes nothing; the undo brings the viewer back to C, where they were in it.
    const edited = followEdit(without('c'), without('c', 'e'), deleted.position, deleted.displaced)
    expect(edited.position).toBe(deleted.position)
    const undone = followEdit(without('c', 'e'), without('e'), edited.position, edited.displaced)
    expect(undone).toEqual({ position: onC, displaced: null })
    // D deleted too before the undo: on E, and back to C (the viewer's own place) when C is back.
    const both = followEdit(without('c'), without('c', 'd'), deleted.position, deleted.displaced)
    expect(both.position).toEqual({ shotId: 'e', offset: 0 })
    expect(followEdit(without('c', 'd'), without('d'), both.position, both.displaced).position).toBe(onC)
    // Moved on since (a step, a seek, a frame of play: another position): the undo leaves them there.
    const stepped = stepShot(without('c'), deleted.position, 1)
    expect(followEdit(without('c'), five, stepped, deleted.displaced)).toEqual({ position: stepped, displaced: null })
    const replayed = { shotId: 'd', offset: 0 }
    expect(followEdit(without('c'), five, replayed, deleted.displaced).position).toBe(replayed)
  })

  it('formats the clock in minutes, seconds and tenths', () => {
    expect(formatClock(65.27)).toBe('1:05.2')
    expect(formatClock(0)).toBe('0:00.0')
  })

  it('never runs the playhead back: a first frame stamped before play started counts as no time, and the next counts from the start', () => {
    const elapsed = frameClock(100)
    expect(elapsed(96)).toBe(0)
    expect(elapsed(116)).toBeCloseTo(0.016)
    expect(elapsed(132)).toBeCloseTo(0.016)
  })
})
