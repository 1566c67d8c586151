import type { Editor } from 'tldraw'
import type { ShotSound, TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/**
 * Sets (or, with null, removes) a shot's sound as one undo step, for everyone at once. Nothing
 * happens when the shot is gone meanwhile (deleted while its file uploaded).
 */
export function setShotSound(editor: Editor, shotId: TLShotShape['id'], sound: ShotSound | null): void {
  if (!editor.getShape(shotId)) return
  editor.markHistoryStoppingPoint('shot sound')
  editor.updateShape<TLShotShape>({ id: shotId, type: 'shot', props: { sound } })
}
