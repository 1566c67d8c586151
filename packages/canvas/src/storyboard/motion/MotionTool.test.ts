// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import { createShapeId, defaultBindingUtils, defaultShapeUtils, defaultTools, Editor } from 'tldraw'
import type { TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import { DEFAULT_SHOT_WIDTH, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardBindingUtils, boardShapeUtils } from '../../board/boardUtils'
import { canvasPointer } from '../../board/testing/canvasPointer'
import { PAGE_ID, boardStore } from '../../sync/testing/boardFixtures'
import { shotPanelHeight } from '../shotLayout'
import type { MotionFamily } from './motionFamilies'
import { MOTION_TOOL_ID, MotionTool } from './MotionTool'
import { motionToolFamily } from './motionToolFamily'

const editors: Editor[] = []
afterEach(() => {
  editors.splice(0).forEach((editor) => editor.dispose())
  motionToolFamily.set('pan')
})

/** A board with one shot at the page's origin and the camera-move tool on, set to `family`. */
function withTool(family: MotionFamily) {
  const editor = new Editor({
    store: boardStore(),
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: [...defaultBindingUtils, ...boardBindingUtils],
    tools: [...defaultTools, MotionTool],
    getContainer: () => document.body,
  })
  editors.push(editor)
  editor.createPage({ id: PAGE_ID, name: 'Page 1' })
  editor.setCurrentPage(PAGE_ID)
  const shot = createShapeId()
  editor.createShape<TLShotShape>({ id: shot, type: 'shot', x: 0, y: 0, props: { w: DEFAULT_SHOT_WIDTH, h: shotPanelHeight(DEFAULT_SHOT_WIDTH, '16:9') } })
  motionToolFamily.set(family)
  editor.setCurrentTool(MOTION_TOOL_ID)
  return { editor, shot }
}

/** A pointer event on the canvas, as the tool receives it. */
const pointer = canvasPointer

const moves = (editor: Editor) => editor.getCurrentPageShapes().filter((s): s is TLMotionShape => s.type === 'motion')

it.each(['dolly-in', 'dolly-out', 'zoom-in', 'zoom-out'] as const)('a click on a shot adds a %s, as the palette says, and sets the camera line', (family) => {
  const { editor, shot } = withTool(family)
  const centre = editor.getShapePageBounds(shot)!.center
  pointer(editor, 'pointer_down', centre.x, centre.y)
  pointer(editor, 'pointer_up', centre.x, centre.y)
  expect(moves(editor).map((m) => m.props.kind)).toEqual([family])
  expect(editor.getShape<TLShotShape>(shot)!.props.camera.movement).toBe(family)
  // One undo step takes the move and the camera line back.
  editor.undo()
  expect(moves(editor)).toEqual([])
  expect(editor.getShape<TLShotShape>(shot)!.props.camera.movement).not.toBe(family)
})

it.each(['pan', 'truck', 'tilt', 'subject'] as const)('a click adds no %s: its direction (or path) is what the drag says', (family) => {
  const { editor, shot } = withTool(family)
  const centre = editor.getShapePageBounds(shot)!.center
  pointer(editor, 'pointer_down', centre.x, centre.y)
  pointer(editor, 'pointer_up', centre.x, centre.y)
  expect(moves(editor)).toEqual([])
})
