/** The Versions panel's heading (it names the panel region) and its close button. */
export function VersionPanelHeader({ title, onClose }: { title: string; onClose(): void }) {
  return (
    <header className="version-panel__header">
      <h2 className="version-panel__heading" id="version-panel-heading" title={title}>
        {title}
      </h2>
      <button type="button" className="version-panel__close" aria-label="Close versions" onClick={onClose}>
        ✕
      </button>
    </header>
  )
}
