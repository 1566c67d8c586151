import { useEffect } from 'react'
import { useEditor, type Editor } from 'tldraw'
import { focusCanvas } from './sequence/sequenceCommands'
import { focusSequenceStrip } from './sequence/stripFocus'

/** The board's panes in F6 order. */
const PANES = ['canvas', 'inspector', 'strip'] as const
export type Pane = (typeof PANES)[number]

const INSPECTOR = '[data-testid="shot-inspector"]'
const STRIP = '[data-testid="sequence-strip"]'

/**
 * F6 / Shift+F6 move the keyboard to the next / previous pane — the canvas, the shot inspector
 * (its first field; only while a shot is selected), the sequence strip (the selected shot's
 * card) — as F6 cycles panes in browsers and editors. Tab stays tldraw's on the canvas (it
 * steps the selection along the shapes), so this is the keyboard's way into the inspector.
 * Listens before tldraw, also while a field has the keyboard.
 */
export function PaneCycling() {
  const editor = useEditor()
  useEffect(() => {
    const document = editor.getContainer().ownerDocument
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.altKey || event.ctrlKey || event.metaKey) return
      // Not on to the browser, whose F6 would take the keyboard to its address bar.
      event.preventDefault()
      event.stopPropagation()
      cyclePane(editor, event.shiftKey ? -1 : 1)
    }
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [editor])
  return null
}

/** Moves the keyboard `delta` panes along from the one that has it, skipping a pane not on screen. */
function cyclePane(editor: Editor, delta: 1 | -1): void {
  const from = PANES.indexOf(currentPane(editor))
  for (let step = 1; step < PANES.length; step++) {
    const pane = PANES[(from + delta * step + PANES.length) % PANES.length]!
    if (focusPane(editor, pane)) return
  }
}

function currentPane(editor: Editor): Pane {
  const active = editor.getContainer().ownerDocument.activeElement
  if (active?.closest(INSPECTOR)) return 'inspector'
  if (active?.closest(STRIP)) return 'strip'
  return 'canvas'
}

/** Gives `pane` the keyboard, as F6 does (the skip links too); false when it is not on screen. */
export function focusPane(editor: Editor, pane: Pane): boolean {
  if (pane === 'canvas') {
    focusCanvas(editor)
    return true
  }
  if (pane === 'strip') return focusSequenceStrip(editor)
  const field = editor.getContainer().ownerDocument.querySelector<HTMLElement>(`${INSPECTOR} :is(input, textarea, select)`)
  field?.focus()
  return field !== null
}
