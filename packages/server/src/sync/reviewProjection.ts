/**
 * What a client-review connection is served instead of the board doc: a Y.Doc of the same
 * layout (docs/doc-layout.md) holding only the records the presentation shows (see
 * ReviewVisibility), as reviewers are sent them (see reviewRedaction.ts), and the `review` map. Kept live record by record from the board's
 * transactions; `meta` (server bookkeeping) is never copied.
 */
import * as Y from 'yjs'
import { changedRecordIds, putRecords, readRecord, recordsMap, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { reviewMap } from '@storyloom/shared/review/reviewDoc'
import { redactForReview, type JsonRecord } from './reviewRedaction'
import { ReviewVisibility } from './reviewVisibility'

/** The review projection of one board doc. */
export class ReviewProjection {
  /** The projected doc; its `update` events are what reviewers are sent. */
  readonly doc = new Y.Doc()
  private readonly visibility = new ReviewVisibility()
  /** The board's `review` map, typed as the key `Transaction.changed` uses. */
  private readonly boardReview: Y.Map<unknown>
  private readonly changedRecords = new Set<string>()
  private readonly changedReviewKeys = new Set<string>()

  /** Projects `board` as it is now (one pass over its records), then follows its transactions. */
  constructor(private readonly board: Y.Doc) {
    this.boardReview = reviewMap(board)
    const records = recordsMap(board)
    const all = new Set<string>()
    for (const [id, record] of records) this.visibility.update(id, record, all)
    this.visibility.settle(all)
    this.doc.transact(() => {
      for (const id of all) this.project(id)
      const review = reviewMap(this.doc)
      for (const [key, value] of this.boardReview) review.set(key, value)
    })
    board.on('afterTransaction', this.onBoardTransaction)
  }

  /**
   * Brings the projection up to date with what the board's transactions changed since the last
   * call, in one projection transaction (one update for reviewers, none if nothing they see
   * changed). The room calls it once those changes are persisted.
   */
  catchUp(): void {
    if (this.changedRecords.size === 0 && this.changedReviewKeys.size === 0) return
    const records = recordsMap(this.board)
    const dirty = new Set<string>()
    for (const id of this.changedRecords) this.visibility.update(id, records.get(id), dirty)
    this.changedRecords.clear()
    this.visibility.settle(dirty)
    const reviewKeys = [...this.changedReviewKeys]
    this.changedReviewKeys.clear()
    this.doc.transact(() => {
      for (const id of dirty) this.project(id)
      const review = reviewMap(this.doc)
      for (const key of reviewKeys) {
        if (this.boardReview.has(key)) review.set(key, this.boardReview.get(key))
        else review.delete(key)
      }
    })
  }

  /** Whether the projection holds shot `id` (so reviewers have it). */
  showsShot(id: string): boolean {
    const record = recordsMap(this.doc).get(id)
    return record?.typeName === 'shape' && record.type === 'shot'
  }

  /** Stops following the board and frees the projected doc. */
  destroy(): void {
    this.board.off('afterTransaction', this.onBoardTransaction)
    this.doc.destroy()
  }

  /** Writes record `id` as reviewers are sent it if they see it, else removes it (a no-op if unchanged). */
  private project(id: string): void {
    const record = this.visibility.isShown(id) ? readRecord(this.board, id) : undefined
    if (record) putRecords(this.doc, [redactForReview(record as unknown as JsonRecord, this.visibility.isDrawnInShot(id)) as unknown as typeof record])
    else removeRecords(this.doc, [id])
  }

  private readonly onBoardTransaction = (transaction: Y.Transaction): void => {
    for (const id of changedRecordIds(this.board, transaction)) this.changedRecords.add(id)
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) !== this.boardReview) continue
      for (const key of keys) if (key !== null) this.changedReviewKeys.add(key)
    }
  }
}
