import { useLayoutEffect, useState, type MouseEvent } from 'react'
import { createPortal } from 'react-dom'
import { useEditor, useValue, type Editor } from 'tldraw'
import { MOTION_TOOL_ID } from './motion/MotionTool'
import { focusPane, type Pane } from './PaneCycling'
import { PANE_IDS } from './paneIds'

/**
 * "Skip to shot strip", "Skip to shot details" (while a shot is selected, so its inspector is on
 * screen) and "Skip to canvas": the first Tab stops of the board, shown only while focused, as
 * GOV.UK's and GitHub's skip links are, so a keyboard user need not Tab through tldraw's menus and
 * toolbars to reach a pane. Each moves the keyboard where F6 would (a collapsed strip opens).
 *
 * The strip comes first because the board opens with the keyboard already on the canvas (tldraw
 * focuses it): the first Tab from there offers the first place one is not. The links are put
 * first inside tldraw's container, since Tab from the focused container goes to its first
 * focusable descendant, past anything placed before it.
 */
export function SkipLinks() {
  const editor = useEditor()
  const host = useSkipLinksHost(editor)
  const inspectorShown = useValue(
    'shot inspector shown',
    () => {
      const only = editor.getOnlySelectedShape()
      return !!only && editor.isShapeOfType(only, 'shot') && editor.getCurrentToolId() !== MOTION_TOOL_ID
    },
    [editor],
  )
  if (!host) return null
  const link = (pane: Pane, text: string) => (
    <a
      className="skip-links__link"
      href={`#${PANE_IDS[pane]}`}
      onClick={(event: MouseEvent) => {
        // The pane's own focus (the selected card, the Title field, tldraw's canvas), not the browser's jump to the id.
        event.preventDefault()
        focusPane(editor, pane)
      }}
    >
      {text}
    </a>
  )
  return createPortal(
    <nav className="skip-links" aria-label="Skip links" data-testid="skip-links">
      {link('strip', 'Skip to shot strip')}
      {inspectorShown && link('inspector', 'Skip to shot details')}
      {link('canvas', 'Skip to canvas')}
    </nav>,
    host,
  )
}

/** An element first inside tldraw's container, for the links; removed with them. */
function useSkipLinksHost(editor: Editor): HTMLElement | null {
  const [host, setHost] = useState<HTMLElement | null>(null)
  useLayoutEffect(() => {
    const container = editor.getContainer()
    const element = container.ownerDocument.createElement('div')
    container.prepend(element)
    setHost(element)
    // Enter and Space on a link are the link's: tldraw, listening on its container, would read
    // Enter as "edit the selected shot".
    const stop = (event: KeyboardEvent) => event.stopPropagation()
    element.addEventListener('keydown', stop)
    element.addEventListener('keyup', stop)
    return () => {
      element.removeEventListener('keydown', stop)
      element.removeEventListener('keyup', stop)
      element.remove()
      setHost(null)
    }
  }, [editor])
  return host
}
