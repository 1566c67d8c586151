import { useCallback, useEffect, useRef, useState } from 'react'
import { useEditor, useToasts, useValue } from 'tldraw'
import { SNAPSHOT_NAME_MAX_LENGTH, type BoardSnapshot } from '@storyloom/shared/api/history'
import { ApiError } from '../api/apiClient'
import { listSnapshots, restoreSnapshot, takeSnapshot } from '../api/historyApi'
import { useBoardSession } from '../board/BoardSessionContext'
import { FloatingPanel } from '../board/FloatingPanel'
import { useEscapeInside } from '../board/useEscapeInside'
import { useGenerationFeed } from '../generation/GenerationFeedContext'
import { HistorySnapshotItem } from './HistorySnapshotItem'
import { SnapshotViewer } from './SnapshotViewer'
import { isolatedName } from '@storyloom/shared/api/typedName'
import '../styles/versions.css'
import '../styles/history.css'

/**
 * Board history: name a snapshot of the whole board, list them, open one read-only, restore one
 * as a new state for everyone (the state it replaces is kept as a snapshot, so a restore can be undone).
 * The open list is live: the board's event channel tells when anyone's snapshot or restore changed it.
 * Whether it is open is the overlays' (see StoryboardOverlays: it shares its place with the Versions panel).
 */
export function HistoryPanel({ open, onOpenChange: setOpen }: { open: boolean; onOpenChange(open: boolean): void }) {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { addToast } = useToasts()
  const feed = useGenerationFeed()
  const readonly = useValue('readonly', () => editor.getIsReadonly(), [editor])
  const historyRevision = useValue('history revision', () => feed.historyRevision(), [feed])
  const toggle = useRef<HTMLButtonElement>(null)
  const body = useRef<HTMLElement>(null)
  // As in the Versions panel: Escape closes the panel and the focus goes back to the toggle.
  useEscapeInside(
    body,
    () => {
      setOpen(false)
      toggle.current?.focus()
    },
    open,
  )
  const [snapshots, setSnapshots] = useState<BoardSnapshot[]>([])
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [viewing, setViewing] = useState<BoardSnapshot | null>(null)

  const fail = useCallback(
    (title: string, cause: unknown) => addToast({ title, description: cause instanceof ApiError ? cause.message : String(cause), severity: 'error' }),
    [addToast],
  )
  useEffect(() => {
    if (!open) return
    // Only the newest answer counts: an older one arriving late must not hide a snapshot.
    let current = true
    listSnapshots(boardId).then(
      (list) => current && setSnapshots(list),
      (cause: unknown) => current && fail('Could not load the history', cause),
    )
    return () => {
      current = false
    }
  }, [open, boardId, fail, historyRevision])

  // The event channel's reload may have brought it already.
  const showNew = (snapshot: BoardSnapshot) => setSnapshots((list) => [snapshot, ...list.filter((s) => s.id !== snapshot.id)])
  const save = async () => {
    setBusy(true)
    try {
      const snapshot = await takeSnapshot(boardId, name)
      showNew(snapshot)
      setName('')
    } catch (cause) {
      fail('Snapshot not saved', cause)
    } finally {
      setBusy(false)
    }
  }
  const restore = async (snapshot: BoardSnapshot) => {
    setBusy(true)
    try {
      const { backup } = await restoreSnapshot(boardId, snapshot.id)
      setViewing(null)
      addToast({
        title: `Restored “${isolatedName(snapshot.name)}”`,
        description: `The board as it was is kept as “${isolatedName(backup.name)}”: restore that to undo.`,
        severity: 'success',
      })
      showNew(backup)
    } catch (cause) {
      fail('Not restored', cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <FloatingPanel
      className="version-panel history-panel"
      toggleClassName="version-panel__toggle"
      label="History"
      open={open}
      onToggle={setOpen}
      controls="history-panel-body"
      toggleTestId="history-panel-toggle"
      toggleRef={toggle}
    >
      {open && (
        <section
          id="history-panel-body"
          className="floating-panel__panel floating-surface version-panel__body history-panel__body"
          aria-label="Board history"
          data-testid="history-panel"
          ref={body}
        >
          {!readonly && (
            <form
              className="history-panel__form"
              onSubmit={(e) => {
                e.preventDefault()
                if (name.trim()) void save()
              }}
            >
              <input
                aria-label="Snapshot name"
                placeholder="Name it, e.g. Client review v1"
                value={name}
                maxLength={SNAPSHOT_NAME_MAX_LENGTH}
                onChange={(e) => setName(e.currentTarget.value)}
                onKeyDown={(e) => e.stopPropagation()}
              />
              <button type="submit" disabled={busy || !name.trim()}>
                Save snapshot
              </button>
            </form>
          )}
          {snapshots.length === 0 ? (
            <p className="history-panel__empty">No snapshots yet. Save one before a big change or a client review.</p>
          ) : (
            <ul className="floating-panel__list">
              {snapshots.map((snapshot) => (
                <HistorySnapshotItem
                  key={snapshot.id}
                  snapshot={snapshot}
                  busy={busy}
                  onOpen={() => setViewing(snapshot)}
                  onRestore={readonly ? null : () => void restore(snapshot)}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {viewing && (
        <SnapshotViewer
          boardId={boardId}
          snapshot={viewing}
          busy={busy}
          onRestore={readonly ? null : () => void restore(viewing)}
          onClose={() => setViewing(null)}
        />
      )}
    </FloatingPanel>
  )
}
