// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, it } from 'vitest'
import { createShapeId, type Editor } from 'tldraw'
import { defaultMotionProps } from '@storyloom/shared/storyboard/motionShape'
import { motionAnnotationsByShot } from '../storyboard/motion/motionAnnotationsByShot'
import { BUSY_SHOT, canvasMarkup, shotWithMoves } from '../storyboard/motion/testing/shotWithMoves'
import { PrintMotionArrows } from './PrintMotionArrows'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

const parse = (markup: string) => new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement

it('a printed frame draws its shot’s annotations exactly as the canvas does, in the canvas frame’s coordinates', () => {
  const { editor, shot, ids } = shotWithMoves(BUSY_SHOT)
  editors.push(editor)
  // A motion shape on no shot prints nowhere.
  editor.createShape({ id: createShapeId(), type: 'motion', props: defaultMotionProps() })
  const byShot = motionAnnotationsByShot(editor.store.allRecords())
  expect([...byShot.keys()]).toEqual([shot])

  const printed = parse(renderToStaticMarkup(createElement(PrintMotionArrows, { annotations: byShot.get(shot)! })))
  const frame = editor.getShape(ids[0]!)!.props as { w: number; h: number }
  expect(printed.getAttribute('viewBox')).toBe(`0 0 ${frame.w} ${frame.h}`)
  // Each annotation's paths and labels, in drawing order, as the canvas's SVG of it holds them.
  const layers = [...printed.children]
  expect(layers.map((g) => g.getAttribute('data-motion-kind'))).toEqual(BUSY_SHOT.map((m) => m.kind))
  expect(layers.map((g) => g.innerHTML)).toEqual(ids.map((id) => parse(canvasMarkup(editor, id)).innerHTML))
  expect([...printed.querySelectorAll('.motion-annotation__label')].map((t) => t.textContent)).toContain('SUBJECT · MEDIUM')
})
