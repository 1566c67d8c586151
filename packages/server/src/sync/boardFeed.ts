/**
 * What a connection on a room is served. Team connections sync with the board doc itself
 * (BoardFeed); client-review connections with the board's review projection (ReviewFeed). The
 * room keeps one feed per connection and never asks which kind it is.
 */
import type * as Y from 'yjs'
import { Connection, frameBroadcast } from './connection'
import { encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './syncMessages'

export interface DocFeed {
  /** The doc this feed's connections sync with. */
  readonly doc: Y.Doc
  /** Adds a connection and starts its handshake (server sync step 1). The room is flushed first. */
  add(conn: Connection): void
  remove(conn: Connection): void
  /** Answers a connection's sync step 1 with what it lacks. The room is flushed first. */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void
}

/** The team's connections on a board, served the board doc as it is persisted. */
export class BoardFeed implements DocFeed {
  private readonly connections = new Set<Connection>()

  constructor(readonly doc: Y.Doc) {}

  add(conn: Connection): void {
    this.connections.add(conn)
    conn.send(encodeSyncStep1(this.doc))
  }

  remove(conn: Connection): void {
    this.connections.delete(conn)
  }

  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    conn.send(encodeSyncStep2(this.doc, stateVector))
  }

  /** Sends one persisted update, encoded and framed once, to every connection but `skip` (its writer). */
  broadcast(update: Uint8Array, skip: Connection | undefined): void {
    if (this.connections.size === 0 || (this.connections.size === 1 && skip && this.connections.has(skip))) return
    const message = encodeUpdateMessage(update)
    const frame = frameBroadcast(message)
    for (const conn of this.connections) if (conn !== skip) conn.sendFramed(frame, message)
  }
}
