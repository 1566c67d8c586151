import { useRef, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { FloatingPanel } from '../board/FloatingPanel'
import { useOpenGenerationForm } from '../generation/openGenerationForm'
import { iterateRequest } from './iterateRequest'
import { ShotVersionsView } from './ShotVersionsView'
import '../styles/versions.css'

/**
 * The version panel: a "Versions" toggle while exactly one shot is selected, opening the shot's
 * tree of takes as a graph with the active path highlighted, a preview of the clicked take and
 * a comparison of any two.
 */
export function VersionPanel() {
  const editor = useEditor()
  const openGenerationForm = useOpenGenerationForm()
  const shot = useValue(
    'version panel shot',
    () => {
      const only = editor.getOnlySelectedShape()
      return only && editor.isShapeOfType(only, 'shot') ? (only as TLShotShape) : null
    },
    [editor],
  )
  const [open, setOpen] = useState(false)
  const toggle = useRef<HTMLButtonElement>(null)
  if (!shot) return null
  return (
    <FloatingPanel
      className="version-panel"
      toggleClassName="version-panel__toggle"
      label="Versions"
      open={open}
      onToggle={setOpen}
      controls="version-panel-body"
      toggleTestId="version-panel-toggle"
      toggleRef={toggle}
    >
      {open && (
        <ShotVersionsView
          key={shot.id}
          shot={shot}
          onIterate={(version) => openGenerationForm(iterateRequest(version))}
          onClose={() => setOpen(false)}
          onEscape={() => {
            setOpen(false)
            toggle.current?.focus()
          }}
        />
      )}
    </FloatingPanel>
  )
}
