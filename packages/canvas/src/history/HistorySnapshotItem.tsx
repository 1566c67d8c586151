import { useState } from 'react'
import type { BoardSnapshot } from '@storyloom/shared/api/history'
import { RestoreConfirm } from './RestoreConfirm'
import { dateTimeText } from '../app/dateTimeText'

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
        <span className="history-item__name"><bdi>{snapshot.name}</bdi></span>
        <span className="history-item__meta">
          {snapshot.reason === 'before-restore' ? 'Kept by a restore' : <bdi>{snapshot.authorName}</bdi>} · {dateTimeText(snapshot.createdAt)}
        </span>
      </div>
      {confirming ? (
        <RestoreConfirm
          busy={busy}
          onConfirm={() => {
            setConfirming(false)
            onRestore?.()
          }}
          onCancel={() => setConfirming(false)}
        />
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
