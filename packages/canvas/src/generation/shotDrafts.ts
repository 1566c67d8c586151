import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { byReadingOrder } from '@storyloom/shared/storyboard/numbering'
import { shotNumbersOf } from '../storyboard/shotNumbers'
import type { ShotDraft } from './generationFormModel'
import { shotGenerationInputs } from './shotGenerationInputs'
import { promptFromShot } from '@storyloom/shared/generation/shotPrompt'

/** The shots among `ids`, in sequence order, each as a form draft with its prefilled prompt. */
export function shotDrafts(editor: Editor, ids: readonly TLShapeId[], prompt?: string): ShotDraft[] {
  const numbers = shotNumbersOf(editor).get()
  const inReadingOrder = byReadingOrder(numbers)
  const shots = ids
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShotShape => shape?.type === 'shot')
  return shots
    .map((shot): ShotDraft => {
      const inputs = shotGenerationInputs(editor, shot.id)
      const number = numbers.get(shot.id) ?? ''
      return {
        shotId: shot.id,
        number,
        title: shot.props.title,
        aspect: shot.props.aspect,
        prompt: prompt ?? promptFromShot(shot.props),
        inputs,
        hasCameraMove: shot.props.camera.movement !== 'static' || inputs.motion.some((m) => m.kind !== 'subject'),
      }
    })
    .sort((a, b) => inReadingOrder(a.shotId, b.shotId))
}

/** The selected shots' ids. */
export function selectedShotIds(editor: Editor): TLShapeId[] {
  return editor.getSelectedShapes().filter((s) => s.type === 'shot').map((s) => s.id)
}
