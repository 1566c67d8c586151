/**
 * A room's client-review connections and the one review projection of the board they share
 * (see reviewProjection.ts): made when the first review connection arrives, kept up to date by
 * the room after each persisted write, and dropped a while after the last one left — the same
 * grace a room gets, so a reviewer whose network blinks comes back to the copy it holds.
 */
import * as Y from 'yjs'
import { CloseCode } from '@storyloom/shared/protocol/syncProtocol'
import { Connection, frameBroadcast } from './connection'
import { ReviewProjection } from './reviewProjection'
import { logSyncWarning } from './syncLog'
import { BadMessageError, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './syncMessages'

export class ReviewFeed {
  private projection: ReviewProjection | undefined
  private readonly connections = new Set<Connection>()
  private dropTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly boardId: string,
    private readonly board: Y.Doc,
    /** Keep the projection this long after the last review connection left. */
    private readonly keepAfterLastMs: number,
  ) {}

  /** Adds a review connection and sends it sync step 1 of the projection. Flush the room first. */
  add(conn: Connection): void {
    if (this.dropTimer) clearTimeout(this.dropTimer)
    this.dropTimer = undefined
    this.connections.add(conn)
    conn.send(encodeSyncStep1(this.open().doc))
  }

  remove(conn: Connection): void {
    if (!this.connections.delete(conn) || this.connections.size > 0 || this.dropTimer) return
    this.dropTimer = setTimeout(() => this.drop(), this.keepAfterLastMs)
    this.dropTimer.unref()
  }

  /** The doc review connections sync with (opened if needed). */
  get doc(): Y.Doc {
    return this.open().doc
  }

  /** Whether any review connection is on the board. */
  get connected(): boolean {
    return this.connections.size > 0
  }

  /** Whether reviewers are shown shot `id` now (false while no projection is open). */
  showsShot(id: string): boolean {
    return this.projection?.showsShot(id) ?? false
  }

  /** Sends reviewers what the board's persisted changes mean for them. */
  catchUp(): void {
    this.projection?.catchUp()
  }

  /**
   * Answers a reviewer's sync step 1. A reviewer holding what this projection never sent (a
   * copy from an earlier projection, or its own dropped writes) cannot be brought in line by
   * the sync protocol: it is closed with `reviewOutdated`, and starts over with an empty doc.
   */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    const doc = this.open().doc
    let theirs: Map<number, number>
    try {
      theirs = Y.decodeStateVector(stateVector)
    } catch (error) {
      throw new BadMessageError('malformed state vector', { cause: error })
    }
    for (const [client, clock] of theirs) {
      if (clock > Y.getState(doc.store, client)) {
        logSyncWarning({ boardId: this.boardId, connection: conn.id }, 'closing: review client holds an outdated copy')
        conn.close(CloseCode.reviewOutdated)
        return
      }
    }
    conn.send(encodeSyncStep2(doc, stateVector))
  }

  destroy(): void {
    this.connections.clear()
    this.drop()
  }

  private open(): ReviewProjection {
    if (this.projection) return this.projection
    const projection = new ReviewProjection(this.board)
    projection.doc.on('update', this.broadcast)
    this.projection = projection
    return projection
  }

  private drop(): void {
    if (this.dropTimer) clearTimeout(this.dropTimer)
    this.dropTimer = undefined
    if (this.connections.size > 0) return
    this.projection?.doc.off('update', this.broadcast)
    this.projection?.destroy()
    this.projection = undefined
  }

  /** One projection update, encoded and framed once for every reviewer. */
  private readonly broadcast = (update: Uint8Array): void => {
    if (this.connections.size === 0) return
    const message = encodeUpdateMessage(update)
    const frame = frameBroadcast(message)
    for (const conn of this.connections) conn.sendFramed(frame, message)
  }
}
