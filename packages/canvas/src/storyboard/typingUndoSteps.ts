import type { Editor } from 'tldraw'
import { nothingToStepNotice, nothingTypedToStepNotice, stepHistory, type HistoryStep, type HistoryStepNotice } from '../board/historyStepNotice'

/** A pause in typing this long (ms) or longer ends an undo step: the next keystroke starts another. */
export const TYPING_PAUSE_MS = 1000

/** What a change to a field's text did: added characters, or took some away (Backspace, Delete, cut). */
export type TypingKind = 'add' | 'remove'

/**
 * The undo steps of one text field while it has focus, as a word processor makes them: typing
 * on is one step until the writer pauses (`TYPING_PAUSE_MS`), or turns from typing to deleting
 * (or back), or undoes; then the next change starts a new one. Before, the whole focus session
 * was one step on the board's undo, while Ctrl+Z in the field was the browser's own undo, one
 * character per press, written to the board as new edits (so Redo had nothing to redo).
 *
 * Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y in the field step through the board's undo history (only
 * the person's own changes, live for everyone), but only through the steps typed in this focus
 * session: past them it would undo something out of sight (a shot moved on the canvas).
 */
export class TypingUndoSteps {
  private last: { at: number; kind: TypingKind; value: string } | null = null
  private undoable = 0
  private redoable = 0

  constructor(private readonly editor: Pick<Editor, 'store' | 'undo' | 'redo' | 'markHistoryStoppingPoint' | 'getCanRedo'>) {}

  /** The field got focus: its first change starts a step (the focus marked a stopping point). */
  focus(): void {
    this.last = null
    this.undoable = 0
    this.redoable = 0
  }

  /**
   * Call before writing `value` over `previous` (the field's text now) at `at` (ms): starts a new
   * undo step when one is due — also when someone else changed the text since this person's
   * last keystroke, where `splitUndoWhereOthersTyped` starts one too, so the count stays true.
   */
  beforeChange(value: string, previous: string, at: number): void {
    const last = this.last
    const kind: TypingKind = value.length < previous.length ? 'remove' : 'add'
    if (!last || at - last.at >= TYPING_PAUSE_MS || last.kind !== kind || last.value !== previous) {
      this.editor.markHistoryStoppingPoint('typing')
      this.undoable++
    }
    // A new change drops what could be redone, as tldraw's history does.
    this.redoable = 0
    this.last = { at, kind, value }
  }

  /**
   * Undoes or redoes one step of this session's typing. Returns false when the press changed
   * nothing (no step of this session left, or only what someone else has changed since), for
   * the caller to say so.
   */
  step(step: HistoryStep): boolean {
    if (!this.hasLeft(step)) return false
    const changed = stepHistory(this.editor, step)
    if (step === 'undo') [this.undoable, this.redoable] = [this.undoable - 1, this.redoable + 1]
    else [this.undoable, this.redoable] = [this.undoable + 1, this.redoable - 1]
    // Typing after an undo or redo starts a step of its own.
    this.last = null
    return changed
  }

  /**
   * A press of Undo or Redo in the field: steps through this session's typing and returns what
   * to tell the person when the press changed nothing (none of the typing done here left, or
   * only what someone else has changed since), else null.
   */
  press(step: HistoryStep): HistoryStepNotice | null {
    if (!this.hasLeft(step)) return nothingTypedToStepNotice(step)
    return this.step(step) ? null : nothingToStepNotice(step)
  }

  /** Whether this session's typing has a step left to undo (or redo). */
  hasLeft(step: HistoryStep): boolean {
    return step === 'undo' ? this.undoable > 0 : this.redoable > 0 && this.editor.getCanRedo()
  }
}

/** Whether a key press is undo (Ctrl/Cmd+Z) or redo (Ctrl/Cmd+Shift+Z, Ctrl+Y), as the board's shortcuts are. */
export function historyKey(e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; key: string }): HistoryStep | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const key = e.key.toLowerCase()
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  return key === 'y' && !e.shiftKey ? 'redo' : null
}
