// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, it } from 'vitest'
import { createBindingId, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { defaultMotionProps, type MotionShapeProps, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import { DEFAULT_SHOT_WIDTH } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameSize, shotPanelHeight } from '../shotLayout'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import type { MotionShapeUtil } from '../MotionShapeUtil'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

const PANEL_HEIGHT = shotPanelHeight(DEFAULT_SHOT_WIDTH, '16:9')

/** A board with one shot (a new shot's size) and `moves` drawn on it in order, as the camera-move tool puts them. */
function shotWithMoves(moves: Partial<MotionShapeProps>[], aspect: '16:9' | '9:16' = '16:9') {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const shot = createShapeId()
  editor.createShape({ id: shot, type: 'shot', x: 0, y: 0, props: { w: DEFAULT_SHOT_WIDTH, h: PANEL_HEIGHT, aspect } })
  const frame = shotFrameSize(DEFAULT_SHOT_WIDTH, PANEL_HEIGHT, aspect)
  const ids = moves.map((props, i) => {
    const id = createShapeId(`move${i}`)
    editor.run(() => {
      editor.createShape<TLMotionShape>({ id, type: 'motion', props: { ...defaultMotionProps(), w: frame.width, h: frame.height, ...props } })
      editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: id, toId: shot, props: {} })
    })
    return id
  })
  return { editor, ids }
}

/** The SVG the canvas draws for annotation `id`. */
function canvasMarkup(editor: Editor, id: TLShapeId): string {
  const util = editor.getShapeUtil('motion') as MotionShapeUtil
  return renderToStaticMarkup(util.component(editor.getShape<TLMotionShape>(id)!))
}

const BUSY_SHOT: Partial<MotionShapeProps>[] = [
  { kind: 'pan', direction: 180, speed: 0.9, strength: 0.8 },
  { kind: 'dolly-in', speed: 0.2 },
  { kind: 'zoom-out' },
  { kind: 'handheld', direction: 45 },
  { kind: 'rack-focus', direction: 90 },
  { kind: 'orbit', direction: 180, speed: 1 },
  { kind: 'subject', path: [{ x: 0.05, y: 0.05 }, { x: 0.4, y: 0.7 }, { x: 0.95, y: 0.9 }], strength: 0.2 },
]

it('the canvas draws a busy shot’s annotations as it did before the drawing was shared with print', () => {
  const { editor, ids } = shotWithMoves(BUSY_SHOT)
  expect(ids.map((id) => canvasMarkup(editor, id))).toMatchSnapshot()
})

it('the canvas draws a narrow 9:16 shot’s annotations as it did before the drawing was shared with print', () => {
  const { editor, ids } = shotWithMoves([
    { kind: 'pedestal-up', speed: 0.5 },
    { kind: 'whip-pan', direction: 0 },
    { kind: 'subject', path: [{ x: 0.02, y: 0.02 }, { x: 0.6, y: 0.6 }] },
  ], '9:16')
  expect(ids.map((id) => canvasMarkup(editor, id))).toMatchSnapshot()
})
