import type * as Y from 'yjs'
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw'
import {
  changedRecordIds,
  putRecords,
  readAllRecords,
  readRecord,
  recordsMap,
  removeRecords,
} from '@storyloom/shared/doc/boardDoc'
import { isDocumentRecordType } from '@storyloom/shared/schema/boardSchema'
import { RecordEntryHistory, mergeConcurrentRecord, othersTypeFirst } from './concurrentRecordEdits'

/** Origin of the doc transactions this client's store writes; they are not applied back. */
export const LOCAL_ORIGIN: unique symbol = Symbol('storyloom:local-store')

export type BindStoreToDocOptions = {
  /** A record from the doc could not be applied (e.g. it failed validation). */
  onRecordError?(id: string, error: unknown): void
}

/**
 * Binds a tldraw store to a board's Y.Doc (see `@storyloom/shared/doc/boardDoc`).
 *
 * - Loads the doc's records into the store.
 * - Local → doc: each `store.listen` batch of the user's document changes becomes ONE doc
 *   transaction tagged {@link LOCAL_ORIGIN}.
 * - Doc → store: every other transaction (server, IndexedDB, other tabs) is applied in ONE
 *   `store.mergeRemoteChanges`, so remote edits stay out of the local undo stack and an arrow
 *   arrives together with its bindings.
 * - A remote value of a record this client has changed meanwhile (two people editing one shot
 *   at once) is merged field by field with this client's value, and the merge written back,
 *   so neither person's change is lost (see `concurrentRecordEdits.ts`).
 *
 * The doc must already hold the board (the server seeds it): a store loaded from an empty doc
 * would create its own default page, and two clients doing that break the board.
 *
 * @returns A function that unbinds the store from the doc.
 */
export function bindStoreToDoc(
  store: TLStore,
  doc: Y.Doc,
  { onRecordError = defaultRecordError }: BindStoreToDocOptions = {},
): () => void {
  const records = recordsMap(doc) as Y.Map<unknown>
  const entries = new RecordEntryHistory(records)
  /**
   * Applies the doc's current state of `ids` to the store as one remote batch; returns the
   * records it merged with this client's own changes, which the doc does not hold yet.
   */
  const applyFromDoc = (ids: Iterable<string>): TLRecord[] => {
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    const merged: TLRecord[] = []
    for (const id of ids) {
      const record = readRecord(doc, id)
      if (record) {
        if (!isDocumentRecordType(record.typeName)) continue
        const base = entries.remoteBase(id)
        const local = base && store.get(id as TLRecord['id'])
        const merge = base && local ? mergeConcurrentRecord(base, record, local, othersTypeFirst(records, id)) : null
        if (merge) merged.push(merge)
        toPut.push(merge ?? record)
      } else if (store.has(id as TLRecord['id'])) {
        toRemove.push(id as TLRecord['id'])
      }
    }
    if (toPut.length === 0 && toRemove.length === 0) return merged
    toPut.sort(byApplyOrder)
    store.mergeRemoteChanges(() => {
      // One record at a time, so a single bad record cannot stop the rest of the batch.
      for (const record of toPut) {
        try {
          store.put([record])
        } catch (error) {
          onRecordError(record.id, error)
        }
      }
      if (toRemove.length > 0) store.remove(toRemove)
    })
    return merged
  }

  // Initial load; anything the store holds that the doc does not is stale.
  const docIds = new Set(readAllRecords(doc).map((r) => r.id as string))
  const stale = store
    .allRecords()
    .filter((r) => isDocumentRecordType(r.typeName) && !docIds.has(r.id))
    .map((r) => r.id as string)
  applyFromDoc([...docIds, ...stale])
  for (const id of docIds) entries.note(id)

  // Registered after the load, so the load itself is never written back.
  const stopListening = store.listen(
    ({ changes }) => writeToDoc(store, doc, changes),
    { source: 'user', scope: 'document' },
  )

  const onAfterTransaction = (transaction: Y.Transaction) => {
    const ids = changedRecordIds(doc, transaction)
    const merged = transaction.origin !== LOCAL_ORIGIN && ids.size > 0 ? applyFromDoc(ids) : []
    // The values that arrived are noted before the merge replaces them: the other writer's next
    // value descends from them, and its base must be found among what this client held.
    for (const id of ids) entries.note(id)
    // As this client's own write, so the other writer gets the merge too. (Yjs runs it now and
    // its handlers after this transaction's.)
    if (merged.length > 0) doc.transact(() => putRecords(doc, merged), LOCAL_ORIGIN)
  }
  doc.on('afterTransaction', onAfterTransaction)

  return () => {
    stopListening()
    doc.off('afterTransaction', onAfterTransaction)
  }
}

/**
 * Writes a batch of local changes to the doc in one transaction. It writes the store's
 * *current* value of each touched record rather than the value in the diff: if a remote change
 * to the same record landed between the local change and this (frame-batched) listener, the
 * diff's value is stale, and writing it would leave this store and the doc disagreeing.
 */
function writeToDoc(store: TLStore, doc: Y.Doc, changes: RecordsDiff<TLRecord>): void {
  const ids = new Set<TLRecord['id']>([
    ...(Object.keys(changes.added) as TLRecord['id'][]),
    ...(Object.keys(changes.updated) as TLRecord['id'][]),
    ...(Object.keys(changes.removed) as TLRecord['id'][]),
  ])
  const toPut: TLRecord[] = []
  const toRemove: string[] = []
  for (const id of ids) {
    const current = store.get(id)
    if (!current) toRemove.push(id)
    else if (!isAwaitingUpload(current)) toPut.push(current)
  }
  if (toPut.length === 0 && toRemove.length === 0) return
  doc.transact(() => {
    putRecords(doc, toPut)
    removeRecords(doc, toRemove)
  }, LOCAL_ORIGIN)
}

/**
 * tldraw creates an image or video asset with `src: ''` while its file uploads, then sets the
 * uploaded URL. Only the finished asset is shared: the half-made one is not a valid board asset
 * (the server would refuse it), and if the upload fails tldraw deletes it again.
 */
function isAwaitingUpload(record: TLRecord): boolean {
  return record.typeName === 'asset' && (record.props as { src?: unknown }).src === ''
}

const APPLY_ORDER: Record<string, number> = { document: 0, page: 1, asset: 2, shape: 3, binding: 4 }

/** Containers before their contents, shapes before the bindings that point at them. */
function byApplyOrder(a: TLRecord, b: TLRecord): number {
  return (APPLY_ORDER[a.typeName] ?? 5) - (APPLY_ORDER[b.typeName] ?? 5)
}

function defaultRecordError(id: string, error: unknown): void {
  console.error(`[storyloom] could not apply record ${id} from the board`, error)
}
