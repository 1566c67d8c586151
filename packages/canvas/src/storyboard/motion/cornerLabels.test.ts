// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, it } from 'vitest'
import { createBindingId, createShapeId, Group2d, type Editor, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { defaultMotionProps, type MotionShapeProps, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import { DEFAULT_SHOT_WIDTH } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameSize, shotPanelHeight } from '../shotLayout'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { motionArt } from './motionArt'
import type { MotionShapeUtil } from '../MotionShapeUtil'
import { overlaps } from '../sequence/shotPlacementOnCanvas'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function boardWithShot() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const shot = createShapeId()
  // The size a new shot gets: a 16:9 frame about 300 wide under the panel's header.
  editor.createShape({ id: shot, type: 'shot', x: 0, y: 0, props: { w: DEFAULT_SHOT_WIDTH, h: shotPanelHeight(DEFAULT_SHOT_WIDTH, '16:9') } })
  return { editor, shot }
}

/** Puts a move on the shot as the camera-move tool does: the shape, then its annotation binding. */
function addMove(editor: Editor, shot: TLShapeId, props: Partial<MotionShapeProps>): TLShapeId {
  const id = createShapeId()
  editor.run(() => {
    editor.createShape<TLMotionShape>({ id, type: 'motion', props: { ...defaultMotionProps(), ...props } })
    editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: id, toId: shot, props: {} })
  })
  return id
}

/** A move's label box, in its frame's coordinates (the first child of its geometry). */
function labelBox(editor: Editor, id: TLShapeId) {
  const label = (editor.getShapeGeometry(id) as Group2d).children[0]!.bounds
  return { x: label.x, y: label.y, w: label.w, h: label.h }
}

it('stacks the labels of two and three camera moves on one shot, each inside the frame', () => {
  const { editor, shot } = boardWithShot()
  const pan = addMove(editor, shot, { kind: 'pan', direction: 0 })
  const dolly = addMove(editor, shot, { kind: 'dolly-in' })
  expect(overlaps(labelBox(editor, pan), labelBox(editor, dolly))).toBe(false)
  const zoom = addMove(editor, shot, { kind: 'zoom-in', speed: 1 })
  const boxes = [pan, dolly, zoom].map((id) => labelBox(editor, id))
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false)
  }
  // Second below the first, third below the second, all in the frame's left column.
  expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y)
  expect(boxes[2]!.y).toBeGreaterThan(boxes[1]!.y)
  const motion = editor.getShape<TLMotionShape>(zoom)!
  for (const box of boxes) {
    expect(box.x).toBe(boxes[0]!.x)
    expect(box.y + box.h).toBeLessThanOrEqual(motion.props.h)
  }

  // Deleting the first moves the others up, so no gap is left.
  editor.deleteShape(pan)
  expect(labelBox(editor, dolly)).toMatchObject({ x: boxes[0]!.x, y: boxes[0]!.y })
})

it('keeps a lone move’s label in the corner and a subject path’s label at its start', () => {
  const { editor, shot } = boardWithShot()
  const truck = addMove(editor, shot, { kind: 'truck-right' })
  const alone = labelBox(editor, truck)
  const subject = addMove(editor, shot, { kind: 'subject', path: [{ x: 0.5, y: 0.5 }, { x: 0.9, y: 0.6 }] })
  expect(labelBox(editor, truck)).toEqual(alone)
  const start = motionArt(editor.getShape<TLMotionShape>(subject)!.props).label
  expect(labelBox(editor, subject)).toMatchObject({ x: start.x - 5, y: start.y - 13 })
})

it('in a narrow 9:16 frame, a long camera-move label ends inside the frame', () => {
  const { editor, shot } = boardWithShot()
  // A shot switched to 9:16 keeps its panel: the frame is about a hundred wide.
  editor.updateShape({ id: shot, type: 'shot', props: { aspect: '9:16' } })
  const frame = shotFrameSize(DEFAULT_SHOT_WIDTH, shotPanelHeight(DEFAULT_SHOT_WIDTH, '16:9'), '9:16')
  const pedestal = addMove(editor, shot, { kind: 'pedestal-up', speed: 0.5, w: frame.width, h: frame.height })
  const motion = editor.getShape<TLMotionShape>(pedestal)!
  const box = labelBox(editor, pedestal)
  expect(box.x + box.w).toBeLessThanOrEqual(motion.props.w)
})

it('a subject path starting in the top-left corner puts its label below the camera-move labels there', () => {
  const { editor, shot } = boardWithShot()
  const pan = addMove(editor, shot, { kind: 'pan', direction: 0 })
  const dolly = addMove(editor, shot, { kind: 'dolly-in' })
  const subject = addMove(editor, shot, { kind: 'subject', path: [{ x: 0.02, y: 0.02 }, { x: 0.6, y: 0.6 }] })
  const label = labelBox(editor, subject)
  for (const move of [pan, dolly]) expect(overlaps(label, labelBox(editor, move))).toBe(false)
})

/** The label texts the SVG of annotation `id` draws. */
function labelsDrawnBy(editor: Editor, id: TLShapeId): string[] {
  const util = editor.getShapeUtil('motion') as MotionShapeUtil
  const svg = new DOMParser().parseFromString(renderToStaticMarkup(util.component(editor.getShape<TLMotionShape>(id)!)), 'image/svg+xml')
  return [...svg.querySelectorAll('.motion-annotation__label')].map((text) => text.textContent ?? '')
}

it("draws a shot's labels in its topmost annotation, so no path's ink crosses a camera move's label", () => {
  const { editor, shot } = boardWithShot()
  const pan = addMove(editor, shot, { kind: 'pan', direction: 0 })
  const dolly = addMove(editor, shot, { kind: 'dolly-in' })
  // A subject path drawn last, from the bottom left up through the corner labels.
  const subject = addMove(editor, shot, { kind: 'subject', path: [{ x: 0.1, y: 0.9 }, { x: 0.1, y: 0.05 }, { x: 0.8, y: 0.3 }] })
  const all = ['PAN · MEDIUM', 'DOLLY IN · MEDIUM', 'SUBJECT · MEDIUM']
  expect(labelsDrawnBy(editor, subject)).toEqual(all)
  expect(labelsDrawnBy(editor, pan)).toEqual([])
  expect(labelsDrawnBy(editor, dolly)).toEqual([])

  // Brought to the front, the dolly draws them; the labels stay where they were.
  const boxes = [pan, dolly, subject].map((id) => labelBox(editor, id))
  editor.bringToFront([dolly])
  expect(labelsDrawnBy(editor, dolly)).toEqual(all)
  expect(labelsDrawnBy(editor, subject)).toEqual([])
  expect([pan, dolly, subject].map((id) => labelBox(editor, id))).toEqual(boxes)
})

it("a click on a camera move's label where a subject path's ink crosses it selects the move, whose label is drawn on top", () => {
  const { editor, shot } = boardWithShot()
  const dolly = addMove(editor, shot, { kind: 'dolly-in' })
  // Drawn last, straight up the frame's left side through the dolly's label.
  const subject = addMove(editor, shot, { kind: 'subject', path: [{ x: 0.1, y: 0.9 }, { x: 0.1, y: 0.02 }] })
  const motion = editor.getShape<TLMotionShape>(subject)!
  const label = labelBox(editor, dolly)
  const onInk = { x: motion.x + 0.1 * motion.props.w, y: motion.y + label.y + label.h / 2 }
  expect(editor.getShapeAtPoint(onInk, { hitInside: false, margin: 8 })?.id).toBe(dolly)
  // Off the label, the same ink is the subject's.
  const below = { x: onInk.x, y: motion.y + 0.6 * motion.props.h }
  expect(editor.getShapeAtPoint(below, { hitInside: false, margin: 8 })?.id).toBe(subject)
})
