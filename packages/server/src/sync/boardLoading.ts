/**
 * Loading a board for its room: the snapshot and later log entries from SQLite into a Y.Doc,
 * prepared (seeded, migrated, invalid records dropped, see boardPreparation.ts), with what
 * preparation wrote appended to the log before anyone sees the doc.
 */
import * as Y from 'yjs'
import { prepareBoardDoc } from './boardPreparation'
import { RecordGuard } from './recordGuard'
import type { SyncPersistence } from './roomPersistence'
import { logSyncWarning } from './syncLog'

/** A board doc written by a newer Storyloom: nobody may open it here, and it is never written. */
export const NEWER_SCHEMA = 'newerSchema'

export type LoadedBoard = {
  doc: Y.Doc
  /** The validity check of later writes, knowing every record as prepared. */
  guard: RecordGuard
  /** The log as it now stands after the snapshot (see BoardLog). */
  stored: { lastSeq: number; logLength: number; logBytes: number; snapshotBytes: number }
}

/** Loads and prepares board `boardId`, preparation's writes made with `origin` and persisted. */
export function loadBoard(boardId: string, persistence: SyncPersistence, origin: unknown): LoadedBoard | typeof NEWER_SCHEMA {
  const stored = persistence.load(boardId)
  const doc = new Y.Doc()
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  const preparation: Uint8Array[] = []
  const capture = (update: Uint8Array) => preparation.push(update)
  doc.on('update', capture)
  const prepared = prepareBoardDoc(doc, origin)
  doc.off('update', capture)
  if (prepared.kind === 'newerSchema') {
    doc.destroy()
    return NEWER_SCHEMA
  }
  if (prepared.migrated) logSyncWarning({ boardId }, 'migrated records to the current schema')
  if (prepared.dropped.length > 0) {
    logSyncWarning({ boardId }, `removed ${prepared.dropped.length} invalid record(s) on open: ${prepared.dropped.map((p) => p.id).join(', ')}`)
  }
  let { lastSeq } = stored
  for (const update of preparation) persistence.append(boardId, ++lastSeq, update)
  let logBytes = 0
  for (const update of [...stored.updates, ...preparation]) logBytes += update.byteLength
  return {
    doc,
    guard: new RecordGuard(doc, prepared.records),
    stored: { lastSeq, logLength: stored.updates.length + preparation.length, logBytes, snapshotBytes: stored.snapshot?.byteLength ?? 0 },
  }
}
