import { afterEach } from 'vitest'
import { createBindingId, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { defaultMotionProps, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../../board/testing/headlessEditor'
import { registerReferenceFollowing } from '../../references/referenceFollowing'
import { attachReference, dockReference } from '../../references/shotReferences'
import { startNewScene } from '../../scenes/sceneCommands'
import { boardSequenceModel } from '../boardSequenceModel'
import { newShotAfterSelection } from '../sequenceCommands'

/**
 * Headless boards for tests of how the sequence lays shots out on the canvas. `board()` opens
 * one as the app does (references follow their shots); every board is disposed after each test
 * of the file that imports this.
 */
const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** A board as the app opens it: references follow their shots. */
export function board(): Editor {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const off = registerReferenceFollowing(editor)
  editors.push({ dispose: off } as unknown as Editor)
  return editor
}

export const shot = (editor: Editor, id: TLShapeId) => editor.getShape<TLShotShape>(id)!
export const at = (editor: Editor, id: TLShapeId) => ({ x: editor.getShape(id)!.x, y: editor.getShape(id)!.y })

/** A scene of `count` shots made as a user does: "+ Scene", then new shot after new shot. */
export function sceneOfShots(editor: Editor, count: number): TLShapeId[] {
  startNewScene(editor)
  return Array.from({ length: count }, () => newShotAfterSelection(editor))
}

/** The scene's shots on the row of `first`, left to right. */
export function rowOrder(editor: Editor, first: TLShapeId): TLShapeId[] {
  const row = shot(editor, first)
  const sceneId = row.props.sceneId
  return editor
    .getCurrentPageShapes()
    .filter((s): s is TLShotShape => s.type === 'shot' && (s as TLShotShape).props.sceneId === sceneId && s.y === row.y)
    .sort((a, b) => a.x - b.x)
    .map((s) => s.id)
}

/** The scene's shots in sequence (strip) order. */
export function stripOrder(editor: Editor, first: TLShapeId): TLShapeId[] {
  const sceneId = shot(editor, first).props.sceneId
  return boardSequenceModel(editor)
    .get()
    .sequence.entries.filter((e) => e.shot.sceneId === sceneId)
    .map((e) => e.shot.id as TLShapeId)
}

/**
 * Gives a shot what moves with it: a reference pinned and docked in its column, a camera move
 * and a sketch drawn inside it (a child, in the shot's space). Returns their ids.
 */
export function dressShot(editor: Editor, shotId: TLShapeId): { image: TLShapeId; motion: TLShapeId; sketch: TLShapeId } {
  const image = createShapeId()
  editor.createShape({ id: image, type: 'image', x: -3000, y: -3000, props: { w: 1920, h: 1080 } })
  attachReference(editor, image, shotId)
  dockReference(editor, editor.getShape(image)!, shot(editor, shotId))
  const motion = createShapeId()
  editor.run(() => {
    editor.createShape<TLMotionShape>({ id: motion, type: 'motion', props: { ...defaultMotionProps(), kind: 'pan' } })
    editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: motion, toId: shotId, props: {} })
  })
  const sketch = createShapeId()
  editor.createShape({ id: sketch, type: 'geo', parentId: shotId, x: 20, y: 60 })
  return { image, motion, sketch }
}

/** Swaps two shots' places on the canvas, as a user dragging them does; returns their old places. */
export function swapByHand(editor: Editor, one: TLShapeId, other: TLShapeId): [{ x: number; y: number }, { x: number; y: number }] {
  const [first, second] = [at(editor, one), at(editor, other)]
  editor.updateShapes([
    { id: one, type: 'shot', x: second.x },
    { id: other, type: 'shot', x: first.x },
  ])
  return [first, second]
}
