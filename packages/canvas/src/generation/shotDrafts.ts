import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotNumbersOf } from '../storyboard/shotNumbers'
import type { ShotDraft } from './generationFormModel'
import { shotGenerationInputs } from './shotGenerationInputs'
import { promptFromShot } from './shotPrompt'

/** The shots among `ids`, in sequence order, each as a form draft with its prefilled prompt. */
export function shotDrafts(editor: Editor, ids: readonly TLShapeId[], prompt?: string): ShotDraft[] {
  const numbers = shotNumbersOf(editor).get()
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
    .sort((a, b) => compareNumbers(numbers.get(a.shotId), numbers.get(b.shotId)))
}

/** Shot numbers such as "2", "12.3", "12C" read in sequence order; unnumbered shots last. */
function compareNumbers(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0
  return a.localeCompare(b, undefined, { numeric: true })
}

/** The selected shots' ids. */
export function selectedShotIds(editor: Editor): TLShapeId[] {
  return editor.getSelectedShapes().filter((s) => s.type === 'shot').map((s) => s.id)
}
