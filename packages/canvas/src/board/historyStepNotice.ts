import { isEqual, type Editor, type RecordsDiff, type TLRecord, type TLUiToast } from 'tldraw'
import { undoKeys, type UndoKeys } from './undoKeys'

/** One press of Undo or Redo. */
export type HistoryStep = 'undo' | 'redo'

/** One toast for every press that changes nothing: pressing again replaces it rather than stacking more. */
export const NOTHING_TO_STEP_TOAST_ID = 'nothing-to-undo'

/**
 * Undoes or redoes one step, as tldraw's Undo and Redo do, and says whether the board changed.
 * It does not when there is no step left, or when everything the step held is someone else's
 * now (`undoOwnChangesOnly` leaves a value another person set since, and text they typed over):
 * then the person needs to hear it, or they press again and again. Selection and camera (the
 * session) do not count: restoring them alone is not an undo anyone notices.
 */
export function stepHistory(editor: Pick<Editor, 'store' | 'undo' | 'redo'>, step: HistoryStep): boolean {
  const diff = editor.store.extractingChanges(() => (step === 'undo' ? editor.undo() : editor.redo()))
  return changesDocument(editor.store.scopedTypes.document, diff)
}

/** Whether `diff` adds, removes or changes (by value) any record of the board itself. */
function changesDocument(documentTypes: ReadonlySet<string>, diff: RecordsDiff<TLRecord>): boolean {
  const ofBoard = (record: TLRecord) => documentTypes.has(record.typeName)
  return (
    Object.values(diff.added).some(ofBoard) ||
    Object.values(diff.removed).some(ofBoard) ||
    Object.values(diff.updated).some(([from, to]) => ofBoard(to) && !isEqual(from, to))
  )
}

/** What a notice for a press of Undo or Redo that changed nothing says: the same words in a toast or next to a field. */
export interface HistoryStepNotice {
  readonly title: string
  readonly description?: string
}

/** The words for a press of Undo or Redo that changed nothing. */
export function nothingToStepNotice(step: HistoryStep): HistoryStepNotice {
  return {
    title: step === 'undo' ? 'Nothing of yours to undo here' : 'Nothing of yours to redo here',
    description: 'Undo only takes back your own changes, and never what someone else has changed since.',
  }
}

/**
 * The words for Undo or Redo in a text field with none of the typing done there left to step
 * through; the undo key as `keys` writes it (this platform's by default: ⌘Z on a Mac).
 */
export function nothingTypedToStepNotice(step: HistoryStep, keys: UndoKeys = undoKeys()): HistoryStepNotice {
  return step === 'undo'
    ? { title: 'Nothing more you typed here to undo', description: `To undo earlier changes, press Esc to leave the field, then ${keys.undo}.` }
    : { title: 'Nothing you undid here to redo' }
}

/** `notice` as tldraw's toast: pressing again replaces it rather than stacking more. */
export function historyStepToast(notice: HistoryStepNotice): TLUiToast {
  return { id: NOTHING_TO_STEP_TOAST_ID, severity: 'info', ...notice }
}

/** The short notice for a press of Undo or Redo that changed nothing. */
export function nothingToStepToast(step: HistoryStep): TLUiToast {
  return historyStepToast(nothingToStepNotice(step))
}
