import { useRef } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { FloatingPanel } from '../board/FloatingPanel'
import { useOpenGenerationForm } from '../generation/openGenerationForm'
import { iterateRequest } from './iterateRequest'
import { ShotVersionsView } from './ShotVersionsView'
import { useTakeActionHistory } from './useTakeActionHistory'
import { VersionPanelHeader } from './VersionPanelHeader'
import '../styles/versions.css'

/**
 * The version panel: a "Versions" toggle, always there (so the toggles beside it never move
 * with the selection), opening the selected shot's tree of takes as a graph with the active path
 * highlighted, a preview of the clicked take and a comparison of any two. Open without exactly
 * one shot selected, it says to select one, and shows the next shot selected. Whether it is open
 * is the overlays' (see StoryboardOverlays: it shares its place with the History panel).
 */
export function VersionPanel({ open, onOpenChange: setOpen }: { open: boolean; onOpenChange(open: boolean): void }) {
  const editor = useEditor()
  const openGenerationForm = useOpenGenerationForm()
  const takeHistory = useTakeActionHistory()
  const shot = useValue(
    'version panel shot',
    () => {
      const only = editor.getOnlySelectedShape()
      return only && editor.isShapeOfType(only, 'shot') ? (only as TLShotShape) : null
    },
    [editor],
  )
  const toggle = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    toggle.current?.focus()
  }
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
      {open &&
        (shot ? (
          <ShotVersionsView
            key={shot.id}
            shot={shot}
            takeHistory={takeHistory}
            onIterate={(version) => openGenerationForm(iterateRequest(version))}
            onClose={() => setOpen(false)}
            onEscape={close}
          />
        ) : (
          <NoShotSelected onClose={close} />
        ))}
    </FloatingPanel>
  )
}

/** The open panel while no single shot is selected. */
function NoShotSelected({ onClose }: { onClose(): void }) {
  return (
    <section
      id="version-panel-body"
      className="floating-panel__panel floating-surface version-panel__body"
      aria-labelledby="version-panel-heading"
      data-testid="version-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        onClose()
      }}
    >
      <VersionPanelHeader title="Versions" onClose={onClose} />
      <p className="version-panel__empty">Select one shot to see its takes.</p>
    </section>
  )
}

