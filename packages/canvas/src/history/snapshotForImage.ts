import type { TLStoreSnapshot } from 'tldraw'
import * as Y from 'yjs'
import { readAllRecords, readDocSchema } from '@storyloom/shared/doc/boardDoc'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'

/**
 * A stored board state (one Yjs update) as a tldraw store snapshot, to show it read-only. It
 * carries the schema it was written with, so tldraw migrates a snapshot taken before an upgrade.
 */
export function snapshotForImage(state: Uint8Array): TLStoreSnapshot {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const records = readAllRecords(doc)
    return {
      store: Object.fromEntries(records.map((record) => [record.id, record])) as TLStoreSnapshot['store'],
      schema: readDocSchema(doc) ?? boardSchema.serialize(),
    }
  } finally {
    doc.destroy()
  }
}

/** Whether a snapshot has anything to draw (an empty board has only its document and page). */
export function hasShapes(snapshot: TLStoreSnapshot): boolean {
  return Object.values(snapshot.store).some((record) => record.typeName === 'shape')
}
