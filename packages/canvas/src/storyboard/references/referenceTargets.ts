import type { Editor, VecLike } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotAtPoint } from '../motion/shotAtPoint'

/**
 * The shots a dropped or pasted image, clip or link is for: the shot it was dropped on; else
 * the shot under the pointer; else the selected shots. None: it is just media on the board.
 */
export function referenceTargets(editor: Editor, point: VecLike | undefined): TLShotShape[] {
  const atPoint = point ? shotAtPoint(editor, point) : undefined
  if (atPoint) return [atPoint]
  const underPointer = shotAtPoint(editor, editor.inputs.getCurrentPagePoint())
  if (underPointer) return [underPointer]
  return editor.getSelectedShapes().filter((s): s is TLShotShape => s.type === 'shot')
}
