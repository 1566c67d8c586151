import type { Editor } from 'tldraw'
import type { ShotSound, TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/**
 * Sets (or, with null, removes) a shot's sound as one undo step, for everyone at once. A
 * replacement keeps the shot's Volume (usually a better take of the same line or effect); a
 * removal puts it back to full, so the next sound added starts as recorded. Nothing happens when
 * the shot is gone meanwhile (deleted while its file uploaded).
 */
export function setShotSound(editor: Editor, shotId: TLShotShape['id'], sound: ShotSound | null): void {
  if (!editor.getShape(shotId)) return
  editor.markHistoryStoppingPoint('shot sound')
  editor.updateShape<TLShotShape>({ id: shotId, type: 'shot', props: sound ? { sound } : { sound: null, soundVolume: 1 } })
}

/**
 * Sets how loud a shot's sound plays (0 to 1), for everyone at once. It marks no undo step: the
 * slider's press and the inspector field's focus do, so a drag or a typed value undoes whole.
 */
export function setShotSoundVolume(editor: Editor, shotId: TLShotShape['id'], soundVolume: number): void {
  if (!editor.getShape(shotId)) return
  editor.updateShape<TLShotShape>({ id: shotId, type: 'shot', props: { soundVolume } })
}
