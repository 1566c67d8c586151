import { describe, expect, it } from 'vitest'
import type { Transition } from '@storyloom/shared/storyboard/vocabulary'
import { exportRange, exportRangeOffer, rangeFileBase, rangeSequenceTitle, type RangeScene } from './exportRange'

const kitchen: RangeScene = { id: 'scene:kitchen', number: 1, name: 'Kitchen', slugline: 'INT. KITCHEN – NIGHT' }
const street: RangeScene = { id: 'scene:street', number: 2, name: '', slugline: 'EXT. STREET – DAY' }
const empty: RangeScene = { id: 'scene:empty', number: 3, name: 'Epilogue', slugline: '' }

/** Shots back to back, as the presentation model times them: [id, scene, seconds, transition in]. */
function board(...specs: [string, RangeScene | null, number, Transition?][]) {
  let start = 0
  const shots = specs.map(([id, scene, seconds, transitionIn = 'cut']) => {
    const shot = { id, number: id, scene, seconds, startSeconds: start, transitionIn, transitionInSeconds: null }
    start += seconds
    return shot
  })
  return { shots, scenes: [kitchen, street, empty] }
}

const model = board(['a', kitchen, 2], ['b', kitchen, 1.5], ['c', street, 3, 'dissolve'], ['d', street, 1], ['e', street, 2])

describe('exportRange', () => {
  it('is every shot as the board times it for the whole board', () => {
    const range = exportRange(model, { kind: 'board' })
    expect(range.shots).toEqual(model.shots)
    expect(range.totalSeconds).toBe(9.5)
    expect(range.segments).toEqual([{ boardStartSeconds: 0, startSeconds: 0, seconds: 9.5 }])
  })

  it('is a scene’s shots, numbered as on the board, timed from the scene’s first frame, where it starts on the board', () => {
    const range = exportRange(model, { kind: 'scene', sceneId: street.id })
    expect(range.scene).toBe(street)
    expect(range.shots.map((shot) => [shot.id, shot.number, shot.startSeconds, shot.seconds])).toEqual([
      ['c', 'c', 0, 3],
      ['d', 'd', 3, 1],
      ['e', 'e', 4, 2],
    ])
    expect(range.totalSeconds).toBe(6)
    expect(range.segments).toEqual([{ boardStartSeconds: 3.5, startSeconds: 0, seconds: 6 }])
  })

  it('starts on its first shot’s picture as a cut, unless that shot fades in', () => {
    expect(exportRange(model, { kind: 'scene', sceneId: street.id }).shots[0]!.transitionIn).toBe('cut')
    const fading = board(['a', kitchen, 2], ['c', street, 3, 'fade'])
    expect(exportRange(fading, { kind: 'scene', sceneId: street.id }).shots[0]!.transitionIn).toBe('fade')
    // The whole board's first shot comes in as it always has.
    expect(exportRange(board(['a', kitchen, 2, 'dissolve']), { kind: 'board' }).shots[0]!.transitionIn).toBe('dissolve')
  })

  it('is the selected shots in sequence order, back to back, one segment per unbroken run on the board', () => {
    const range = exportRange(model, { kind: 'selection', shotIds: ['e', 'a', 'd', 'gone'] })
    expect(range.shots.map((shot) => [shot.id, shot.startSeconds])).toEqual([
      ['a', 0],
      ['d', 2],
      ['e', 3],
    ])
    expect(range.totalSeconds).toBe(5)
    expect(range.segments).toEqual([
      { boardStartSeconds: 0, startSeconds: 0, seconds: 2 },
      { boardStartSeconds: 6.5, startSeconds: 2, seconds: 3 },
    ])
  })

  it('is empty for a scene without shots, a scene no longer on the board, and a selection no longer on it', () => {
    for (const choice of [{ kind: 'scene', sceneId: empty.id }, { kind: 'scene', sceneId: 'scene:deleted' }, { kind: 'selection', shotIds: ['gone'] }] as const) {
      const range = exportRange(model, choice)
      expect(range.shots).toEqual([])
      expect(range.totalSeconds).toBe(0)
      expect(range.segments).toEqual([])
    }
    expect(exportRange(model, { kind: 'scene', sceneId: empty.id }).scene).toBe(empty)
  })
})

describe('exportRangeOffer', () => {
  it('offers every scene of the board, and the selected shots that are on it', () => {
    expect(exportRangeOffer(model, { selectedShotIds: ['d', 'shape:not-a-shot', 'a'] })).toEqual({ scenes: [kitchen, street, empty], selected: 2 })
  })

  it('offers only the scene of the shot on screen in Present, and no selection', () => {
    expect(exportRangeOffer(model, { presentedShotId: 'd' })).toEqual({ scenes: [street], selected: 0 })
    expect(exportRangeOffer(board(['x', null, 1]), { presentedShotId: 'x' })).toEqual({ scenes: [], selected: 0 })
  })
})

describe('file names and sequence names', () => {
  it('say the range: the scene’s number in two digits, or the selection', () => {
    expect(rangeFileBase('harbour-spot', exportRange(model, { kind: 'board' }))).toBe('harbour-spot')
    expect(rangeFileBase('harbour-spot', exportRange(model, { kind: 'scene', sceneId: street.id }))).toBe('harbour-spot-sc02')
    expect(rangeFileBase('harbour-spot', exportRange(model, { kind: 'selection', shotIds: ['a'] }))).toBe('harbour-spot-selection')
    const many = { shots: [], scenes: [{ ...kitchen, number: 112 }] }
    expect(rangeFileBase('b', exportRange(many, { kind: 'scene', sceneId: kitchen.id }))).toBe('b-sc112')
  })

  it('name the edit’s sequence after the board and the range', () => {
    expect(rangeSequenceTitle('Harbour spot', exportRange(model, { kind: 'board' }))).toBe('Harbour spot')
    expect(rangeSequenceTitle('Harbour spot', exportRange(model, { kind: 'scene', sceneId: street.id }))).toBe('Harbour spot sc02')
    expect(rangeSequenceTitle('Harbour spot', exportRange(model, { kind: 'selection', shotIds: ['a'] }))).toBe('Harbour spot selection')
    expect(rangeSequenceTitle('', exportRange(model, { kind: 'scene', sceneId: street.id }))).toBe('sc02')
  })
})
