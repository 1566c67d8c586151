// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import type { Editor } from 'tldraw'
import type { MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { BUSY_SHOT, canvasMarkup, shotWithMoves } from './testing/shotWithMoves'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

it('the canvas draws a busy shot’s annotations as it did before the drawing was shared with print', () => {
  const { editor, ids } = shotWithMoves(BUSY_SHOT)
  editors.push(editor)
  expect(ids.map((id) => canvasMarkup(editor, id))).toMatchSnapshot()
})

it('the canvas draws a narrow 9:16 shot’s annotations as it did before the drawing was shared with print', () => {
  const { editor, ids } = shotWithMoves([
    { kind: 'pedestal-up', speed: 0.5 },
    { kind: 'whip-pan', direction: 0 },
    { kind: 'subject', path: [{ x: 0.02, y: 0.02 }, { x: 0.6, y: 0.6 }] },
  ], '9:16')
  editors.push(editor)
  expect(ids.map((id) => canvasMarkup(editor, id))).toMatchSnapshot()
})
