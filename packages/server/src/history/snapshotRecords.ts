import * as Y from 'yjs'
import { recordsMap, putRecords, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { prepareBoardDoc } from '../sync/boardPreparation'
import type { BoardRecord } from '../sync/recordGuard'

/** A snapshot that cannot become the board's state here. */
export class SnapshotUnrestorableError extends Error {
  override readonly name = 'SnapshotUnrestorableError'
}

/**
 * The records of a stored doc state, brought up to the current schema (a snapshot taken
 * before an upgrade is migrated like a board opened after one). Throws
 * {@link SnapshotUnrestorableError} for a state written by a newer Storyloom.
 */
export function recordsOfSnapshot(state: Uint8Array): BoardRecord[] {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const prepared = prepareBoardDoc(doc, null)
    if (prepared.kind === 'newerSchema') {
      throw new SnapshotUnrestorableError('this snapshot was written by a newer Storyloom and cannot be restored here')
    }
    return prepared.records
  } finally {
    doc.destroy()
  }
}

/**
 * Makes `doc`'s records exactly `records`, writing only what differs: records that are not in
 * the snapshot are removed, the others put back as they were. Must run inside a transaction.
 * The result is a new state on top of the history, so the doc's own history is untouched.
 */
export function replaceBoardRecords(doc: Y.Doc, records: readonly BoardRecord[]): void {
  const keep = new Set<string>(records.map((record) => record.id))
  removeRecords(doc, [...recordsMap(doc).keys()].filter((id) => !keep.has(id)))
  putRecords(doc, records)
}
