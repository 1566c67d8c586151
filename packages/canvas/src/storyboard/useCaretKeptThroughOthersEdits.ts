import { useContext, useLayoutEffect, useRef, type RefObject } from 'react'
import { BoardSessionContext } from '../board/BoardSessionContext'
import { caretThroughEdit } from './caretThroughEdit'

type TextField = HTMLInputElement | HTMLTextAreaElement
type Selection = { before: string; start: number; end: number; direction: TextField['selectionDirection'] }

/**
 * For a controlled text field whose `value` other people can change while you type in it (a
 * shot's title, action or dialogue, a scene's name): when their change arrives, React writes
 * the new text into the field and the browser puts the caret at its end, so the next keys went
 * to the end of the text instead of where you were typing. This puts the caret (or selection)
 * back where it was, moved by what they added or removed before it.
 *
 * Where they typed at your caret, their text goes before or after it in the order the merge of
 * two people's typing gives (`BoardSession.othersTypeFirst` for record `recordId`), so your
 * caret stays after what you typed.
 *
 * The field's text and selection are read while rendering the new value, before React writes
 * it; a render caused by your own typing finds the field already holding the value, and
 * changes nothing.
 */
export function useCaretKeptThroughOthersEdits(field: RefObject<TextField | null>, value: string, recordId: string): void {
  const session = useContext(BoardSessionContext)
  const pending = useRef<Selection | null>(null)
  const element = field.current
  pending.current =
    element && element.value !== value && element.ownerDocument.activeElement === element && element.selectionStart !== null
      ? { before: element.value, start: element.selectionStart, end: element.selectionEnd ?? element.selectionStart, direction: element.selectionDirection }
      : null
  useLayoutEffect(() => {
    const was = pending.current
    const element = field.current
    pending.current = null
    if (!was || !element || element.value !== value) return
    const othersFirst = session?.othersTypeFirst(recordId) ?? false
    const start = caretThroughEdit(was.before, value, was.start, othersFirst)
    const end = caretThroughEdit(was.before, value, was.end, othersFirst)
    element.setSelectionRange(start, Math.max(start, end), was.direction ?? undefined)
  }, [field, value, session, recordId])
}
