import type { Editor, VecLike } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from '../shotLayout'

/** The topmost shot under a page point (anywhere on its panel), if any. */
export function shotAtPoint(editor: Editor, point: VecLike): TLShotShape | undefined {
  const shape = editor.getShapeAtPoint(point, { hitInside: true, filter: (s) => s.type === 'shot' })
  return shape as TLShotShape | undefined
}

/** A page point in a shot's frame coordinates: (0,0) top-left of the frame, (1,1) bottom-right. */
export function pointInShotFrame(editor: Editor, shot: TLShotShape, point: VecLike): { x: number; y: number } {
  const local = editor.getPointInShapeSpace(shot, point)
  const frame = shotFrameRect(shot.props.w, shot.props.h, shot.props.aspect)
  return { x: (local.x - frame.x) / frame.width, y: (local.y - frame.y) / frame.height }
}
