// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import { createShapeId, type Editor, type IndexKey, type TLShapeId } from 'tldraw'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { nextDockSlot, thumbnailSize } from '../references/referenceDocking'
import { addScene, assignShotToScene } from '../scenes/sceneCommands'
import { arrangeSceneOnCanvas } from './sequenceCommands'
import { overlaps } from './shotPlacementOnCanvas'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

it("arranging a scene leaves each shot room for its reference column, clear of the next shot", () => {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const scene = addScene(editor, { name: 'Rooftops' })
  const ids: TLShapeId[] = [0, 1, 2].map((i) => {
    const id = createShapeId()
    // Scattered, far apart: arranging brings them into one row.
    editor.createShape({ id, type: 'shot', x: i * 2000, y: i * 700, props: { order: `a${i + 1}` as IndexKey } })
    assignShotToScene(editor, id, scene)
    return id
  })
  expect(arrangeSceneOnCanvas(editor, scene)).toBe(3)
  const boxes = ids.map((id) => editor.getShapePageBounds(id)!)
  for (let i = 0; i < boxes.length - 1; i++) {
    const reference = { ...nextDockSlot(boxes[i]!, []), ...thumbnailSize(1920, 1080) }
    expect(overlaps(reference, boxes[i + 1]!)).toBe(false)
    expect(boxes[i + 1]!.y).toBe(boxes[i]!.y)
  }
})
