/**
 * A room's presence (y-protocols awareness): which awareness client ids each connection
 * controls, fan-out of every change, and removal of a connection's states when it leaves, as
 * the reference y-websocket server does.
 *
 * Client-review connections get reviewers' states only: the team's presence carries cursors,
 * selections and cursor chat over parts of the board a review link does not show (and the
 * review page draws no team cursors). The team gets everyone's, reviewers included.
 */
import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { Connection } from './connection'
import { encodeAwarenessMessage } from './syncMessages'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

export class RoomAwareness {
  private readonly awareness: awarenessProtocol.Awareness
  /** Connection → the awareness client ids it has announced. */
  private readonly controlled = new Map<Connection, Set<number>>()
  /** Awareness client ids whose latest state came from a review connection. */
  private readonly reviewerIds = new Set<number>()

  constructor(doc: Y.Doc) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself has no presence
    this.awareness.on('update', this.onUpdate)
  }

  /** Starts tracking a connection and sends it everyone's current state. */
  add(conn: Connection): void {
    this.controlled.set(conn, new Set())
    this.sendAll(conn)
  }

  /** Stops tracking a connection and removes (and announces the removal of) its states. */
  remove(conn: Connection): void {
    const ids = this.controlled.get(conn)
    if (!ids) return
    this.controlled.delete(conn)
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
  }

  /** Applies a client's awareness message. Throws on a malformed update. */
  apply(conn: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn)
  }

  /** Answers `queryAwareness`: every current state (a review connection: every reviewer's). */
  sendAll(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()].filter((id) => !conn.review || this.reviewerIds.has(id))
    if (ids.length > 0) conn.send(encodeAwarenessMessage(this.awareness, ids))
  }

  destroy(): void {
    this.controlled.clear()
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /** Every change (including renewals, which keep others' timeouts fresh) goes to everyone but its sender. */
  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (origin instanceof Connection) {
      const ids = this.controlled.get(origin)
      if (ids) {
        for (const id of added) ids.add(id)
        for (const id of removed) ids.delete(id)
      }
      for (const id of added.concat(updated)) {
        if (origin.review) this.reviewerIds.add(id)
        else this.reviewerIds.delete(id)
      }
    }
    if (this.controlled.size === 0) return
    const changed = added.concat(updated, removed)
    const message = encodeAwarenessMessage(this.awareness, changed)
    const forReviewers = changed.filter((id) => this.reviewerIds.has(id))
    const reviewerMessage = forReviewers.length > 0 ? encodeAwarenessMessage(this.awareness, forReviewers) : undefined
    for (const conn of this.controlled.keys()) {
      if (conn === origin) continue
      if (!conn.review) conn.send(message)
      else if (reviewerMessage) conn.send(reviewerMessage)
    }
    for (const id of removed) this.reviewerIds.delete(id)
  }
}
