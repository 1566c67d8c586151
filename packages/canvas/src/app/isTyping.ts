/**
 * Whether keys sent to `target` type text (a title, a comment, a name) rather than drive the
 * page: a text field, a select or an editable element. A range slider is not typing: its arrow
 * keys are the control.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true
  return target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range'
}
