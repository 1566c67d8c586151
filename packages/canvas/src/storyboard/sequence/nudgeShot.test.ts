// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { boardSequenceModel } from './boardSequenceModel'
import { moveShots, nudgeShot } from './sequenceCommands'
import { at, board, rowOrder, sceneOfShots, shot } from './testing/sceneRows'

describe('nudgeShot (Alt+Shift+←/→ on a strip card)', () => {
  const sequenceOf = (editor: ReturnType<typeof board>) =>
    boardSequenceModel(editor).get().sequence.entries.map((e) => [e.scene?.id ?? null, e.shot.id])

  it('steps a shot past its neighbour in its scene, on the canvas too; one undo each', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const slots = [a!, b!, c!].map((id) => at(editor, id))
    expect(nudgeShot(editor, a!, 1)).toBe(true)
    expect(nudgeShot(editor, a!, 1)).toBe(true)
    expect(rowOrder(editor, b!)).toEqual([b, c, a])
    expect([b!, c!, a!].map((id) => at(editor, id))).toEqual(slots)
    editor.undo()
    expect(rowOrder(editor, b!)).toEqual([b, a, c])
  })

  it('from either end of a scene into the near end of the next or previous scene, and no further', () => {
    const editor = board()
    const [a, b] = sceneOfShots(editor, 2)
    const [c] = sceneOfShots(editor, 1)
    const [first, second] = boardSequenceModel(editor).get().sequence.scenes.map((s) => s.id)
    expect(nudgeShot(editor, b!, 1)).toBe(true)
    expect(sequenceOf(editor)).toEqual([[first, a], [second, b], [second, c]])
    expect(nudgeShot(editor, c!, -1)).toBe(true)
    expect(nudgeShot(editor, c!, -1)).toBe(true)
    expect(sequenceOf(editor)).toEqual([[first, a], [first, c], [second, b]])
    expect(nudgeShot(editor, a!, -1)).toBe(false)
    // The last scene's last shot: "No scene" is not in the strip while it has no shots.
    expect(nudgeShot(editor, b!, 1)).toBe(false)
    expect(shot(editor, b!).props.sceneId).toBe(second)
  })

  it('into "No scene" when that group has shots', () => {
    const editor = board()
    const [a, b] = sceneOfShots(editor, 2)
    moveShots(editor, [b!], { sceneId: null, at: 'end' })
    expect(nudgeShot(editor, a!, 1)).toBe(true)
    expect(sequenceOf(editor)).toEqual([
      [null, a],
      [null, b],
    ])
  })
})

describe('a shot nudged out of its scene', () => {
  it('leaves no gap: the shots it leaves behind close up on their row, for everyone (one change), and undo puts them back', () => {
    const editor = board()
    sceneOfShots(editor, 2)
    const [c, d, e] = sceneOfShots(editor, 3)
    const slots = [c!, d!, e!].map((id) => at(editor, id))
    // 2.1 to the end of scene 1: scene 2's row now starts with 2.2, where 2.1 was.
    expect(nudgeShot(editor, c!, -1)).toBe(true)
    expect([d!, e!].map((id) => at(editor, id))).toEqual(slots.slice(0, 2))
    expect(rowOrder(editor, d!)).toEqual([d, e])
    editor.undo()
    expect([c!, d!, e!].map((id) => at(editor, id))).toEqual(slots)
    // 2.3 on into scene 3 (none: the last) — and 2.1 of a two-scene board moved back out from the end.
    const [f] = sceneOfShots(editor, 1)
    const fAt = at(editor, f!)
    expect(nudgeShot(editor, e!, 1)).toBe(true)
    expect(at(editor, e!)).toEqual(fAt)
    expect([c!, d!].map((id) => at(editor, id))).toEqual(slots.slice(0, 2))
  })
})
