import { react, type Editor, type TLShapeId, type TLUiToastsContextType } from 'tldraw'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'

/** What pins `referenceIds` to shots, and with which roles, as one comparable string. */
function pinsOf(editor: Editor, referenceIds: readonly TLShapeId[]): string {
  return referenceIds
    .flatMap((id) => editor.getBindingsFromShape<TLReferenceBinding>(id, REFERENCE_BINDING_TYPE))
    .map((binding) => `${binding.id}:${binding.toId}:${binding.props.role}`)
    .join('|')
}

/**
 * Shows the toast saying `referenceIds` were just pinned (and with which role), and takes it away
 * as soon as that stops being so: a role changed (by anyone), a reference unpinned or deleted, the
 * drop undone. Left up, it went on saying "As style" of a character sheet, or of nothing.
 */
export function showReferenceAddedToast(
  editor: Editor,
  toasts: TLUiToastsContextType,
  referenceIds: readonly TLShapeId[],
  toast: { title: string; description: string },
): void {
  const pinned = pinsOf(editor, referenceIds)
  const toastId = toasts.addToast({ ...toast, severity: 'success' })
  let done = false
  const stop = react('reference added toast', () => {
    if (done) return
    if (!toasts.toasts.get().some((t) => t.id === toastId)) {
      done = true // closed, by its timer or by hand: nothing left to keep true
    } else if (pinsOf(editor, referenceIds) !== pinned) {
      done = true
      toasts.removeToast(toastId)
    }
    if (done) queueMicrotask(() => stop())
  })
}
