import { useRef, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { FloatingPanel } from '../../board/FloatingPanel'
import { ReferenceLibraryList } from './ReferenceLibraryList'
import { referenceCountOf, referenceLibraryEntriesOf, type LibraryEntry } from './referenceLibrary'
import '../../styles/references.css'

const CLOSED: readonly LibraryEntry[] = []

/**
 * The board's reference library: a panel at the left listing every image, clip and link on the
 * page with its roles and the shots using it. From here one character sheet is attached to
 * many shots (select them, then "Attach"), and any reference can be found on the canvas.
 */
export function ReferenceLibrary() {
  const editor = useEditor()
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLElement>(null)
  // Read only while open: closed, no change on the board costs the library anything.
  const entries = useValue('reference library', () => (open ? referenceLibraryEntriesOf(editor).get() : CLOSED), [editor, open])
  const count = useValue(referenceCountOf(editor))
  // From the selection's ids alone (a shape's type never changes): typing in a selected shot
  // must not hand every row a new list.
  const selectedShots = useValue(
    'selected shots',
    () => editor.getSelectedShapeIds().filter((id) => editor.store.unsafeGetWithoutCapture(id)?.type === 'shot'),
    [editor],
  )
  return (
    <FloatingPanel
      className="reference-library"
      toggleClassName="reference-library__toggle"
      label={`References (${count})`}
      open={open}
      onToggle={setOpen}
      controls="reference-library-panel"
    >
      {open && (
        <section ref={panel} id="reference-library-panel" className="floating-panel__panel floating-surface reference-library__panel" aria-label="Reference library" data-testid="reference-library">
          {entries.length === 0 ? (
            <p className="reference-library__empty">Drop images on the board or on a shot; they are listed here so any shot can reuse them.</p>
          ) : (
            <ReferenceLibraryList entries={entries} selectedShots={selectedShots} scrollElement={panel} />
          )}
        </section>
      )}
    </FloatingPanel>
  )
}
