/**
 * The check after a client write: what the client's transactions touched, validated by the
 * record guard and repaired in a server transaction, and the server-owned review entries put
 * back, before the room persists or broadcasts anything.
 */
import * as Y from 'yjs'
import { changedRecordIds, metaMap } from '@storyloom/shared/doc/boardDoc'
import { NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import { applyRepair, type RecordGuard } from './recordGuard'
import type { ServerOwnedMap } from './serverOwnedMap'
import { logSyncWarning } from './syncLog'

/** Collects what one client write touched, then validates and repairs it (see Room.applyClientUpdate). */
export class ClientWriteCheck {
  /** The doc's `meta` map, typed as the key `Transaction.changed` uses. */
  private readonly metaType: Y.AbstractType<Y.YEvent<any>>
  private readonly touchedRecords = new Set<string>()
  private readonly touchedMeta = new Set<string>()

  constructor(
    private readonly boardId: string,
    private readonly doc: Y.Doc,
    private readonly guard: RecordGuard,
    /** Review badges and verdicts: written by the server only. */
    private readonly review: ServerOwnedMap,
    /** The origin of the server's own transactions (a repair is one). */
    private readonly serverOrigin: unknown,
  ) {
    this.metaType = metaMap(doc) as unknown as Y.AbstractType<Y.YEvent<any>>
  }

  /** Notes the records and meta keys a client's transaction changed. */
  noteTouched(transaction: Y.Transaction): void {
    for (const id of changedRecordIds(this.doc, transaction)) this.touchedRecords.add(id)
    const metaKeys = transaction.changed.get(this.metaType)
    if (metaKeys) for (const key of metaKeys) if (key !== null) this.touchedMeta.add(key)
  }

  /**
   * Validates what was touched since the last call and repairs invalid records, then puts back
   * review entries the client changed, each in a server transaction. Returns the notice to send
   * the writer when records were reverted.
   */
  repair(connectionId: number): SyncNotice | undefined {
    let notice: SyncNotice | undefined
    if (this.touchedRecords.size > 0 || this.touchedMeta.size > 0) {
      const repair = this.guard.check(this.doc, this.touchedRecords, this.touchedMeta)
      this.touchedRecords.clear()
      this.touchedMeta.clear()
      if (repair) {
        this.doc.transact(() => applyRepair(this.doc, repair), this.serverOrigin)
        // A repair with no problems only removed bindings left dangling by a deletion: nothing to tell.
        if (repair.problems.length > 0) {
          notice = { code: NoticeCode.recordReverted, records: repair.problems }
          logSyncWarning(
            { boardId: this.boardId, connection: connectionId },
            `reverted ${repair.problems.length} invalid record(s): ${repair.problems.map((p) => p.id).join(', ')}`,
          )
        }
      }
    }
    if (this.review.changedByClient) {
      let restored: string[] = []
      this.doc.transact(() => (restored = this.review.restore()), this.serverOrigin)
      logSyncWarning({ boardId: this.boardId, connection: connectionId }, `put back ${restored.length} review entr(ies) only the server writes`)
    }
    return notice
  }
}
