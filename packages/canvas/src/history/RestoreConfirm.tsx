/**
 * The question asked before a snapshot replaces the board, wherever a restore starts (the
 * history list or the snapshot viewer).
 */
export function RestoreConfirm({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <div className="history-item__confirm" role="group" aria-label="Confirm restore">
      <span>Replace the board for everyone? The current board is kept.</span>
      <button type="button" className="version-panel__primary" disabled={busy} onClick={onConfirm}>
        Restore
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
