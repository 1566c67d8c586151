import type { ReactNode } from 'react'

/**
 * The Versions panel's heading (it names the panel region) and its close button. `title` is the
 * heading as plain text, for its tooltip (a typed name in it isolated); `children`, when given,
 * is the heading as shown (the name in a `<bdi>`, so copying it takes no invisible characters).
 */
export function VersionPanelHeader({ title, children, onClose }: { title: string; children?: ReactNode; onClose(): void }) {
  return (
    <header className="version-panel__header">
      <h2 className="version-panel__heading" id="version-panel-heading" title={title}>
        {children ?? title}
      </h2>
      <button type="button" className="version-panel__close" aria-label="Close versions" onClick={onClose}>
        ✕
      </button>
    </header>
  )
}
