/**
 * A room's presence (y-protocols awareness): which awareness client ids each connection
 * controls, fan-out of every change, and removal of a connection's states when it leaves, as
 * the reference y-websocket server does.
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

  /** Answers `queryAwareness`: every current state. */
  sendAll(conn: Connection): void {
    const states = this.awareness.getStates()
    if (states.size > 0) conn.send(encodeAwarenessMessage(this.awareness, [...states.keys()]))
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
    }
    if (this.controlled.size === 0) return
    const message = encodeAwarenessMessage(this.awareness, added.concat(updated, removed))
    for (const conn of this.controlled.keys()) if (conn !== origin) conn.send(message)
  }
}
