import { useState } from 'react'
import type { BoardSnapshot } from '@storyloom/shared/api/history'

/** One snapshot in the history list: open it read-only, or restore it (after confirming). */
export function HistorySnapshotItem({
  snapshot,
  busy,
  onOpen,
  onRestore,
}: {
  snapshot: BoardSnapshot
  busy: boolean
  onOpen(): void
  onRestore: (() => void) | null
}) {
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="history-item" data-testid="history-item" data-reason={snapshot.reason}>
      <div className="history-item__text">
        <span className="history-item__name">{snapshot.name}</span>
        <span className="history-item__meta">
          {snapshot.reason === 'before-restore' ? 'Kept by a restore' : snapshot.authorName} · {new Date(snapshot.createdAt).toLocaleString()}
        </span>
      </div>
      {confirming ? (
        <div className="history-item__confirm" role="group" aria-label="Confirm restore">
          <span>Replace the board for everyone? The current board is kept.</span>
          <button type="button" className="version-panel__primary" disabled={busy} onClick={() => { setConfirming(false); onRestore?.() }}>
            Restore
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="history-item__actions">
          <button type="button" onClick={onOpen}>
            Open
          </button>
          {onRestore && (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Restore…
            </button>
          )}
        </div>
      )}
    </li>
  )
}
