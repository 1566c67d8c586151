import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { editShotTitle, focusCanvas, nudgeShot, revealShot, selectedShotId, stepShot } from './sequenceCommands'
import type { StripLayout } from './stripLayout'
import { returnKeyboardAfterTitleEdit } from '../titleEditReturn'
import { revealSelectionClearOfPanels } from '../../board/revealClearOfPanels'

/** Keys that move the focus along the strip, to a position relative to the focused card's. */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowLeft: (i) => i - 1,
  ArrowRight: (i) => i + 1,
  Home: () => 0,
  End: (_, count) => count - 1,
}

/**
 * The strip's cards as one Tab stop (a roving tabindex, as in a toolbar or a list): the current
 * card — the selected shot's, else the last one the arrows reached, else the first — is the
 * only tabbable one. ←/→, Home and End move the focus without selecting; Enter or Space
 * selects the focused shot and brings it into view on the canvas, and Enter on the shot that is
 * already selected edits its title, as Enter does on the canvas (Enter or Escape in the title
 * field then gives the keyboard back to the card); Page Up / Page Down step the
 * sequence as they do on the canvas, the focus following; Alt+Shift+←/→ move the focused card's
 * shot one place earlier or later (into the neighbouring scene at a scene's end), the focus
 * going with it and the canvas keeping the selected shot in view; when the focused card's shot is deleted, the next card takes the keyboard.
 * Escape anywhere in the track gives the
 * keyboard back to the canvas, the selection kept; `focusTabStop` is the way in from elsewhere
 * (the "go to sequence strip" shortcut).
 *
 * The keys it handles stop here: tldraw listens on the document and would otherwise nudge the
 * selected shape (arrows) or start editing it (Enter's key-up).
 */
export function useStripKeyboard(
  editor: Editor,
  layout: StripLayout,
  track: RefObject<HTMLElement | null>,
  /** The id of the one selected shape, if exactly one is selected. */
  onlySelected: string | undefined,
) {
  const [current, setCurrent] = useState<string | null>(null)
  useEffect(() => {
    if (onlySelected) setCurrent(onlySelected)
  }, [onlySelected])
  const tabStopId = layout.cards.some((c) => c.shotId === current) ? current : (layout.cards[0]?.shotId ?? null)

  // Focus moves after the render that makes the new tab stop's card exist and tabbable (also
  // the render that opens a collapsed strip); with no cards, to the track and its "No shots yet".
  // Each request renders once more, so it is met when the tab stop stays the same card.
  const focusPending = useRef(false)
  const [focusRequest, setFocusRequest] = useState(0)
  useLayoutEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    const target = tabStopId ? cardButton(track.current, tabStopId) : track.current
    target?.focus()
  }, [tabStopId, track, focusRequest])
  const focusTabStop = useCallback(() => {
    focusPending.current = true
    setFocusRequest((n) => n + 1)
  }, [])
  const moveFocusTo = (shotId: string) => {
    setCurrent(shotId)
    focusTabStop()
  }

  // The card the keyboard is on and its place, kept when the card goes (its shot deleted, from
  // here with Delete or by someone else): the browser then drops the focus on the page's body,
  // and the card that took its place (else the one before) takes the keyboard instead.
  const focused = useRef<{ shotId: string; index: number } | null>(null)
  const onFocus = (event: FocusEvent) => {
    const shotId = cardOf(event.target)
    focused.current = shotId ? { shotId, index: layout.cards.findIndex((c) => c.shotId === shotId) } : null
  }
  const onBlur = (event: FocusEvent) => {
    // Not on a removal, which blurs towards nothing (relatedTarget null).
    if (event.relatedTarget && !track.current?.contains(event.relatedTarget as Node)) focused.current = null
  }
  useLayoutEffect(() => {
    const was = focused.current
    if (!was) return
    const index = layout.cards.findIndex((c) => c.shotId === was.shotId)
    if (index >= 0) {
      focused.current = { shotId: was.shotId, index }
      return
    }
    focused.current = null
    const document = track.current?.ownerDocument
    if (document?.activeElement && document.activeElement !== document.body) return
    const next = layout.cards[Math.min(was.index, layout.cards.length - 1)]
    if (next) moveFocusTo(next.shotId)
    else focusTabStop()
    // Checked when the cards change (moveFocusTo and focusTabStop only set state).
  }, [layout.cards])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      // Not on to the canvas's own Escape, which would clear the selection.
      event.preventDefault()
      event.stopPropagation()
      focusCanvas(editor)
      return
    }
    const shotId = cardOf(event.target)
    if (shotId && isNudge(event)) {
      event.preventDefault()
      event.stopPropagation()
      if (nudgeShot(editor, shotId, event.key === 'ArrowLeft' ? -1 : 1)) {
        moveFocusTo(shotId)
        // Moved to another row (another scene's end), the selected shot can land off screen.
        if (selectedShotId(editor) === shotId) revealSelectionClearOfPanels(editor)
      }
      return
    }
    if (!shotId || event.altKey || event.ctrlKey || event.metaKey) return
    const index = layout.cards.findIndex((c) => c.shotId === shotId)
    const move = MOVES[event.key]
    if (move) {
      const next = layout.cards[Math.min(layout.cards.length - 1, Math.max(0, move(index, layout.cards.length)))]
      if (next) moveFocusTo(next.shotId)
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (event.key === 'Enter' && selectedShotId(editor) === shotId) {
        // Enter or Escape in the title field gives the keyboard back to this card.
        if (editShotTitle(editor, shotId as TLShapeId)) returnKeyboardAfterTitleEdit(editor, shotId, () => moveFocusTo(shotId))
      } else revealShot(editor, shotId as TLShapeId)
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const next = stepShot(editor, event.key === 'PageUp' ? -1 : 1)
      if (next) moveFocusTo(next)
    } else return
    event.preventDefault()
    event.stopPropagation()
  }
  /** Enter's and Space's key-up: not a click on the button (Space), not an edit on the canvas (Enter). */
  const onKeyUp = (event: KeyboardEvent) => {
    if ((event.key !== 'Enter' && event.key !== ' ') || !cardOf(event.target)) return
    event.preventDefault()
    event.stopPropagation()
  }

  return { tabStopId, focusTabStop, onKeyDown, onKeyUp, onFocus, onBlur }
}

/** Alt+Shift+← or →: move the focused card's shot along the sequence. */
function isNudge(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')
}

/** The shot id of the card whose body is `target` (not its insert buttons), if it is one. */
function cardOf(target: EventTarget): string | undefined {
  if (!(target instanceof HTMLElement) || !target.matches('.strip-card__body')) return undefined
  return target.closest<HTMLElement>('[data-testid="strip-shot"]')?.dataset.shotId
}

function cardButton(track: HTMLElement | null, shotId: string): HTMLElement | null {
  return track?.querySelector<HTMLElement>(`[data-testid="strip-shot"][data-shot-id="${CSS.escape(shotId)}"] .strip-card__body`) ?? null
}
