// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createBindingId, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { defaultMotionProps, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { registerReferenceFollowing } from '../references/referenceFollowing'
import { attachReference, dockReference } from '../references/shotReferences'
import { startNewScene } from '../scenes/sceneCommands'
import { boardSequenceModel } from './boardSequenceModel'
import { arrangeSceneOnCanvas, insertShot, moveShots, newShotAfterSelection } from './sequenceCommands'
import { NEW_SHOT_GAP } from './shotPlacementOnCanvas'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** A board as the app opens it: references follow their shots. */
function board(): Editor {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const off = registerReferenceFollowing(editor)
  editors.push({ dispose: off } as unknown as Editor)
  return editor
}

const shot = (editor: Editor, id: TLShapeId) => editor.getShape<TLShotShape>(id)!
const at = (editor: Editor, id: TLShapeId) => ({ x: editor.getShape(id)!.x, y: editor.getShape(id)!.y })

/** A scene of `count` shots made as a user does: "+ Scene", then new shot after new shot. */
function sceneOfShots(editor: Editor, count: number): TLShapeId[] {
  startNewScene(editor)
  return Array.from({ length: count }, () => newShotAfterSelection(editor))
}

/** The scene's shots on the row of `first`, left to right. */
function rowOrder(editor: Editor, first: TLShapeId): TLShapeId[] {
  const row = shot(editor, first)
  const sceneId = row.props.sceneId
  return editor
    .getCurrentPageShapes()
    .filter((s): s is TLShotShape => s.type === 'shot' && (s as TLShotShape).props.sceneId === sceneId && s.y === row.y)
    .sort((a, b) => a.x - b.x)
    .map((s) => s.id)
}

/** The scene's shots in sequence (strip) order. */
function stripOrder(editor: Editor, first: TLShapeId): TLShapeId[] {
  const sceneId = shot(editor, first).props.sceneId
  return boardSequenceModel(editor)
    .get()
    .sequence.entries.filter((e) => e.shot.sceneId === sceneId)
    .map((e) => e.shot.id as TLShapeId)
}

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
    const image = createShapeId()
    editor.createShape({ id: image, type: 'image', x: -3000, y: -3000, props: { w: 1920, h: 1080 } })
    attachReference(editor, image, b!)
    dockReference(editor, editor.getShape(image)!, shot(editor, b!))
    const motion = createShapeId()
    editor.run(() => {
      editor.createShape<TLMotionShape>({ id: motion, type: 'motion', props: { ...defaultMotionProps(), kind: 'pan' } })
      editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: motion, toId: b!, props: {} })
    })
    // A sketch is drawn inside the shot: a child, in the shot's space.
    const sketch = createShapeId()
    editor.createShape({ id: sketch, type: 'geo', parentId: b!, x: 20, y: 60 })
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
    const [pb, pc] = [at(editor, b!), at(editor, c!)]
    editor.updateShapes([
      { id: b!, type: 'shot', x: pc.x },
      { id: c!, type: 'shot', x: pb.x },
    ])
    const added = insertShot(editor, { after: a! })
    expect([at(editor, b!), at(editor, c!)]).toEqual([{ x: pc.x, y: pc.y }, pb])
    expect(shot(editor, added).x).toBeGreaterThan(pc.x)
  })
})
