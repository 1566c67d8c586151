/**
 * What a client's update adds to a board doc: whether it holds anything new, and the update a
 * client write added, for the room to persist and broadcast without making Yjs encode again
 * what it just decoded.
 */
import * as Y from 'yjs'
import { RECORDS } from '@storyloom/shared/doc/boardDoc'
import { BadMessageError, encodeIntegratedUpdate } from './syncMessages'

/** `read(update)`, a malformed update thrown as a `BadMessageError`. */
function readUpdate<T>(read: (update: Uint8Array) => T, update: Uint8Array): T {
  try {
    return read(update)
  } catch (error) {
    throw new BadMessageError('malformed update', { cause: error })
  }
}

/** True if `update` holds structs the doc does not have yet. Throws `BadMessageError` if it is malformed. */
export function hasUnknownStructs(doc: Y.Doc, update: Uint8Array): boolean {
  const meta = readUpdate(Y.parseUpdateMeta, update)
  for (const [client, clock] of meta.to) {
    if (clock > Y.getState(doc.store, client)) return true
  }
  return false
}

/**
 * True if all that `update` adds to the doc is new `user:` records: tldraw writes the person's
 * own user record when a canvas opens, which is not a change they made. Anything else new — another
 * record, a replaced value (its parent is not in the update), a deletion of something the doc
 * holds — is a change. Throws `BadMessageError` if the update is malformed.
 */
export function addsOnlyUserRecords(doc: Y.Doc, update: Uint8Array): boolean {
  const decoded = readUpdate(Y.decodeUpdate, update)
  let adds = false
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue // already here
    if (struct instanceof Y.GC) return false
    if (!(struct instanceof Y.Item)) continue // a Skip: a gap, not content
    // A decoded item names its parent only when nothing left or right of it says where it goes:
    // a top-level map's name, as a string (Yjs types it as the parent object).
    const parent: unknown = struct.parent
    if (parent !== RECORDS || typeof struct.parentSub !== 'string' || !struct.parentSub.startsWith('user:')) return false
    adds = true
  }
  for (const [client, deletions] of decoded.ds.clients) {
    if (deletions.some((deletion) => deletion.clock < Y.getState(doc.store, client))) return false
  }
  return adds
}

/** True if the doc has structs or deletions waiting for updates they build on. */
export function hasPendingUpdates(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/** Whether a transaction changed the doc: Yjs's own test before it emits `update`. */
function changedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/**
 * What `transaction` (the one `Y.applyUpdate(doc, received)` ran, with nothing pending in the
 * doc before it) added to the doc, as one update, or undefined if it added nothing.
 *
 * When Yjs integrated all of `received` (no error, nothing left pending), that is `received`
 * itself: Yjs would only re-encode the same structs and deletions, minus any the doc already had,
 * which every receiver ignores again. Otherwise (rare: an update that failed halfway or left a
 * struct waiting for what it builds on) the structs the transaction integrated are encoded from
 * the doc, with the doc's whole delete set, which is harmless to repeat: a struct still waiting
 * is never persisted or sent before it is integrated and validated.
 */
export function clientWriteUpdate(
  doc: Y.Doc,
  received: Uint8Array,
  transaction: Y.Transaction,
  integratedWhole: boolean,
): Uint8Array | undefined {
  if (!changedDoc(transaction)) return undefined
  if (integratedWhole) return received
  return encodeIntegratedUpdate(doc, Y.encodeStateVector(transaction.beforeState))
}
