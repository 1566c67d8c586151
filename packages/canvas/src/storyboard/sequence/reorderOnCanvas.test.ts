// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createShapeId } from 'tldraw'
import { arrangeSceneOnCanvas, insertShot, moveShots } from './sequenceCommands'
import { at, board, dressShot, rowOrder, sceneOfShots, shot, stripOrder, swapByHand } from './testing/sceneRows'

describe('shots reordered within their scene in the strip move on the canvas too', () => {
  it('a shot dragged after the next but one: the row reads as the strip, the next scene stays, one undo puts all back', () => {
    const editor = board()
    const [a, b, c, d] = sceneOfShots(editor, 4)
    const [next] = sceneOfShots(editor, 1)
    const before = [a!, b!, c!, d!, next!].map((id) => at(editor, id))

    expect(moveShots(editor, [b!], { after: d! })).toBe(true)
    expect(stripOrder(editor, a!)).toEqual([a, c, d, b])
    expect(rowOrder(editor, a!)).toEqual([a, c, d, b])
    expect([a!, c!, d!, b!].map((id) => at(editor, id))).toEqual(before.slice(0, 4))
    expect(at(editor, next!)).toEqual(before[4])

    editor.undo()
    expect(stripOrder(editor, a!)).toEqual([a, b, c, d])
    expect([a!, b!, c!, d!, next!].map((id) => at(editor, id))).toEqual(before)
  })

  it('a later insert then opens its slot in the right place', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    moveShots(editor, [c!], { before: a! })
    const added = insertShot(editor, { after: a! })
    expect(rowOrder(editor, c!)).toEqual([c, a, added, b])
    expect(rowOrder(editor, c!)).toEqual(stripOrder(editor, c!))
  })

  it('follows the reading order of a scene arranged in rows of four', () => {
    const editor = board()
    const shots = sceneOfShots(editor, 6)
    arrangeSceneOnCanvas(editor, shot(editor, shots[0]!).props.sceneId)
    const slots = shots.map((id) => at(editor, id))
    moveShots(editor, [shots[5]!], { before: shots[0]! })
    const order = stripOrder(editor, shots[0]!)
    expect(order.map((id) => at(editor, id))).toEqual(slots)
  })

  it("carries the moved shots' docked references, camera moves and sketches with them", () => {
    const editor = board()
    const [a, b] = sceneOfShots(editor, 2)
    const { image, motion, sketch } = dressShot(editor, b!)
    const [imageBefore, motionBefore, shotBefore] = [image, motion, b!].map((id) => at(editor, id))
    const sketchBefore = editor.getShapePageBounds(sketch)!.x

    moveShots(editor, [b!], { before: a! })
    const dx = at(editor, b!).x - shotBefore!.x
    expect(dx).toBeLessThan(0)
    expect(at(editor, image)).toEqual({ x: imageBefore!.x + dx, y: imageBefore!.y })
    expect(at(editor, motion)).toEqual({ x: motionBefore!.x + dx, y: motionBefore!.y })
    expect(editor.getShapePageBounds(sketch)!.x).toBe(sketchBefore + dx)
  })
})

describe('where moving the shots would not read right, the canvas stays as it is', () => {
  it('when the row was not in sequence order (the user rearranged it by hand)', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    swapByHand(editor, b!, c!)
    const before = [a!, b!, c!].map((id) => at(editor, id))
    moveShots(editor, [a!], { after: c! })
    expect(stripOrder(editor, a!)).toEqual([b, c, a])
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
  })

  it('when a shot that would move is locked', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    editor.updateShape({ id: b!, type: 'shot', isLocked: true })
    const before = [a!, b!, c!].map((id) => at(editor, id))
    moveShots(editor, [a!], { after: c! })
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
  })

  it('when a moved shot would cover another shape', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    // A picture laid over the last shot's slot, not pinned to it.
    const end = shot(editor, c!)
    editor.createShape({ id: createShapeId(), type: 'image', x: end.x + 20, y: end.y + 20, props: { w: 200, h: 100 } })
    const before = [a!, b!, c!].map((id) => at(editor, id))
    moveShots(editor, [c!], { before: b! })
    expect(stripOrder(editor, a!)).toEqual([a, c, b])
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
  })
})
