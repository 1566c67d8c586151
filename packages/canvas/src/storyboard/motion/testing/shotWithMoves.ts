import { renderToStaticMarkup } from 'react-dom/server'
import { createBindingId, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { defaultMotionProps, type MotionShapeProps, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import { DEFAULT_SHOT_WIDTH } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../../board/testing/headlessEditor'
import type { MotionShapeUtil } from '../../MotionShapeUtil'
import { shotFrameSize, shotPanelHeight } from '../../shotLayout'

/**
 * A headless board with one shot (a new shot's size, in `aspect`) and `moves` drawn on it in
 * order as the camera-move tool puts them (the shape over the frame, then its annotation
 * binding). The caller disposes the editor.
 */
export function shotWithMoves(moves: Partial<MotionShapeProps>[], aspect: '16:9' | '9:16' = '16:9'): { editor: Editor; shot: TLShapeId; ids: TLShapeId[] } {
  const editor = headlessBoardEditor()
  const shot = createShapeId()
  const panelHeight = shotPanelHeight(DEFAULT_SHOT_WIDTH, '16:9')
  editor.createShape({ id: shot, type: 'shot', x: 0, y: 0, props: { w: DEFAULT_SHOT_WIDTH, h: panelHeight, aspect } })
  const frame = shotFrameSize(DEFAULT_SHOT_WIDTH, panelHeight, aspect)
  const ids = moves.map((props, i) => {
    const id = createShapeId(`move${i}`)
    editor.run(() => {
      editor.createShape<TLMotionShape>({ id, type: 'motion', props: { ...defaultMotionProps(), w: frame.width, h: frame.height, ...props } })
      editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: id, toId: shot, props: {} })
    })
    return id
  })
  return { editor, shot, ids }
}

/** The SVG markup the canvas draws for annotation `id`. */
export function canvasMarkup(editor: Editor, id: TLShapeId): string {
  const util = editor.getShapeUtil('motion') as MotionShapeUtil
  return renderToStaticMarkup(util.component(editor.getShape<TLMotionShape>(id)!))
}

/** A shot with one of most kinds of move and a subject path from the corner across it. */
export const BUSY_SHOT: Partial<MotionShapeProps>[] = [
  { kind: 'pan', direction: 180, speed: 0.9, strength: 0.8 },
  { kind: 'dolly-in', speed: 0.2 },
  { kind: 'zoom-out' },
  { kind: 'handheld', direction: 45 },
  { kind: 'rack-focus', direction: 90 },
  { kind: 'orbit', direction: 180, speed: 1 },
  { kind: 'subject', path: [{ x: 0.05, y: 0.05 }, { x: 0.4, y: 0.7 }, { x: 0.95, y: 0.9 }], strength: 0.2 },
]
