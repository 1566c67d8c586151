// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createShapeId } from 'tldraw'
import { arrangeSceneOnCanvas, insertShot, moveShots, newShotAfterSelection } from './sequenceCommands'
import { NEW_SHOT_GAP } from './shotPlacementOnCanvas'
import { at, board, dressShot, rowOrder, sceneOfShots, shot, stripOrder, swapByHand } from './testing/sceneRows'

describe('a shot inserted between two shots of a row opens a slot after its predecessor', () => {
  it('"new shot after" a shot that is not the last: the shots after it slide right, the canvas reads as the strip', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = [b!, c!].map((id) => at(editor, id))
    editor.select(a!)
    const added = newShotAfterSelection(editor)

    expect(rowOrder(editor, a!)).toEqual([a, added, b, c])
    expect(rowOrder(editor, a!)).toEqual(stripOrder(editor, a!))
    const step = shot(editor, added).props.w + NEW_SHOT_GAP
    expect(at(editor, added)).toEqual(before[0])
    expect([b!, c!].map((id) => at(editor, id))).toEqual(before.map((p) => ({ x: p.x + step, y: p.y })))
  })

  it('strip "insert before" the second shot does the same; one undo puts every shot back', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = [a!, b!, c!].map((id) => at(editor, id))
    const added = insertShot(editor, { before: b! })
    expect(rowOrder(editor, a!)).toEqual([a, added, b, c])

    editor.undo()
    expect(editor.getShape(added)).toBeUndefined()
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
  })

  it("carries the shifted shots' docked references, camera moves and sketches with them, and undo brings them back", () => {
    const editor = board()
    const [a, b] = sceneOfShots(editor, 2)
    const { image, motion, sketch } = dressShot(editor, b!)
    const [imageBefore, motionBefore, shotBefore] = [image, motion, b!].map((id) => at(editor, id))
    const sketchBefore = editor.getShapePageBounds(sketch)!.x

    editor.select(a!)
    const added = newShotAfterSelection(editor)
    const dx = at(editor, b!).x - shotBefore!.x
    expect(dx).toBe(shot(editor, added).props.w + NEW_SHOT_GAP)
    expect(at(editor, image)).toEqual({ x: imageBefore!.x + dx, y: imageBefore!.y })
    expect(at(editor, motion)).toEqual({ x: motionBefore!.x + dx, y: motionBefore!.y })
    expect(editor.getShapePageBounds(sketch)!.x).toBe(sketchBefore + dx)

    editor.undo()
    expect([image, motion, b!].map((id) => at(editor, id))).toEqual([imageBefore, motionBefore, shotBefore])
  })

  it('leaves shots on the next row of the scene and the next scene where they are', () => {
    const editor = board()
    const shots = sceneOfShots(editor, 5)
    const [next] = sceneOfShots(editor, 2)
    arrangeSceneOnCanvas(editor, shot(editor, shots[0]!).props.sceneId)
    // Rows of four: the fifth shot starts the scene's second row.
    const untouched = [shots[4]!, next!].map((id) => at(editor, id))
    insertShot(editor, { after: shots[1]! })
    expect(rowOrder(editor, shots[0]!)).toEqual(stripOrder(editor, shots[0]!).slice(0, 5))
    expect([shots[4]!, next!].map((id) => at(editor, id))).toEqual(untouched)
  })

  it('a shot dragged in the strip from another scene between two shots opens a slot too', () => {
    const editor = board()
    const [a, b] = sceneOfShots(editor, 2)
    const [visitor] = sceneOfShots(editor, 1)
    expect(moveShots(editor, [visitor!], { after: a! })).toBe(true)
    expect(rowOrder(editor, a!)).toEqual([a, visitor, b])
    expect(rowOrder(editor, a!)).toEqual(stripOrder(editor, a!))
  })
})

describe('a shot put at the start of a row takes its first slot, the row sliding right', () => {
  it('strip "insert before" the first shot of a scene: the new shot stands where that one was', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = [a!, b!, c!].map((id) => at(editor, id))
    const added = insertShot(editor, { before: a! })
    expect(rowOrder(editor, a!)).toEqual([added, a, b, c])
    const step = shot(editor, added).props.w + NEW_SHOT_GAP
    expect(at(editor, added)).toEqual(before[0])
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before.map((p) => ({ x: p!.x + step, y: p!.y })))
  })

  it('a shot of the scene before moved to the start of the next scene takes that row’s first slot; one undo puts it back', () => {
    const editor = board()
    const [, , last] = sceneOfShots(editor, 3)
    const [d, e] = sceneOfShots(editor, 2)
    const before = [last!, d!, e!].map((id) => at(editor, id))
    expect(moveShots(editor, [last!], { before: d! })).toBe(true)
    expect(rowOrder(editor, d!)).toEqual([last, d, e])
    const step = shot(editor, last!).props.w + NEW_SHOT_GAP
    expect(at(editor, last!)).toEqual(before[1])
    expect([d!, e!].map((id) => at(editor, id))).toEqual([before[1], before[2]].map((p) => ({ x: p!.x + step, y: p!.y })))

    editor.undo()
    expect([last!, d!, e!].map((id) => at(editor, id))).toEqual(before)
  })
})

describe('where opening a slot would not read right, a shot goes where it used to (the first free spot along the row)', () => {
  it('when the shifted shots would cover another shape', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const end = shot(editor, c!)
    const note = createShapeId()
    editor.createShape({ id: note, type: 'note', x: end.x + end.props.w + NEW_SHOT_GAP + 40, y: end.y })
    const before = [b!, c!].map((id) => at(editor, id))
    const added = insertShot(editor, { after: a! })
    expect([b!, c!].map((id) => at(editor, id))).toEqual(before)
    expect(shot(editor, added).x).toBeGreaterThan(end.x)
  })

  it('when a shot that would slide is locked', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    editor.updateShape({ id: c!, type: 'shot', isLocked: true })
    const before = [b!, c!].map((id) => at(editor, id))
    const added = insertShot(editor, { after: a! })
    expect([b!, c!].map((id) => at(editor, id))).toEqual(before)
    expect(shot(editor, added).x).toBeGreaterThan(before[1]!.x)
  })

  it('when the row is not in sequence order (the user rearranged it by hand)', () => {
    const editor = board()
    const [a, b, c] = sceneOfShots(editor, 3)
    const [pb, pc] = swapByHand(editor, b!, c!)
    const added = insertShot(editor, { after: a! })
    expect([at(editor, b!), at(editor, c!)]).toEqual([{ x: pc.x, y: pc.y }, pb])
    expect(shot(editor, added).x).toBeGreaterThan(pc.x)
  })
})
