import * as Y from 'yjs'
import type { TLStore } from 'tldraw'
import { bindStoreToDoc } from '../bindStoreToDoc'
import { boardStore, seededDoc } from './boardFixtures'
import { endFrame } from './frames'

/** Origin of updates a simulated client or server applies from the wire. */
const WIRE = 'wire'

/** One simulated browser: a store bound to its doc, and its socket's two directions. */
export type RelayedClient = {
  readonly name: string
  readonly doc: Y.Doc
  readonly store: TLStore
  /** Updates sent and not yet received by the server, in order. */
  readonly up: Uint8Array[]
  /** Updates the server sent and the client has not received yet, in order. */
  readonly down: Uint8Array[]
  connected: boolean
}

/**
 * Clients around one server doc, as the sync server relays them (packages/server/src/sync/room.ts),
 * with every message held on its socket until a test delivers it — so a test can play any order
 * and delay of deliveries, and drops and reconnects.
 *
 * The server, like the room: applies a client's update, then broadcasts it to everyone but its
 * writer, at once or (`batchServerWrites`) gathered with other writes of the same event-loop turn
 * into one merged update that goes to everyone, writers included. A reconnect drops what was on
 * the socket and runs the sync handshake both ways (each side sends what the other's state
 * vector lacks), as y-websocket does.
 */
export class RelayedClients {
  readonly server = seededDoc()
  readonly clients: RelayedClient[] = []
  /** Broadcasts gathered for the end of the server's turn (see {@link endServerTurn}). */
  private turn: { update: Uint8Array; writer: RelayedClient }[] = []

  constructor(
    names: string[],
    private readonly options: { batchServerWrites?: boolean; clientIds?: number[] } = {},
  ) {
    names.forEach((name, i) => {
      const doc = new Y.Doc()
      const clientId = options.clientIds?.[i]
      if (clientId !== undefined) doc.clientID = clientId
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server), WIRE)
      const store = boardStore()
      bindStoreToDoc(store, doc)
      const client: RelayedClient = { name, doc, store, up: [], down: [], connected: true }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== WIRE && client.connected) client.up.push(update)
      })
      this.clients.push(client)
    })
  }

  /** The server receives up to `count` of `client`'s messages. */
  receiveOnServer(client: RelayedClient, count = Infinity): void {
    for (const update of client.up.splice(0, count)) {
      const broadcasts: Uint8Array[] = []
      const collect = (u: Uint8Array) => broadcasts.push(u)
      this.server.on('update', collect)
      Y.applyUpdate(this.server, update, client)
      this.server.off('update', collect)
      for (const b of broadcasts) {
        if (this.options.batchServerWrites) this.turn.push({ update: b, writer: client })
        else for (const to of this.clients) if (to !== client && to.connected) to.down.push(b)
      }
    }
  }

  /** The server's turn ends: what it gathered goes out as one update. */
  endServerTurn(): void {
    const turn = this.turn.splice(0)
    if (turn.length === 0) return
    const update = Y.mergeUpdates(turn.map((t) => t.update))
    const writers = new Set(turn.map((t) => t.writer))
    const skip = writers.size === 1 ? turn[0]!.writer : undefined
    for (const to of this.clients) if (to !== skip && to.connected) to.down.push(update)
  }

  /** `client` receives up to `count` of the server's messages, one by one or merged into one. */
  deliver(client: RelayedClient, count = Infinity, { merged = false } = {}): void {
    const batch = client.down.splice(0, count)
    if (batch.length === 0) return
    if (merged) Y.applyUpdate(client.doc, Y.mergeUpdates(batch), WIRE)
    else for (const update of batch) Y.applyUpdate(client.doc, update, WIRE)
  }

  /** The socket drops: what was on it is lost, and nothing is sent until {@link reconnect}. */
  disconnect(client: RelayedClient): void {
    client.connected = false
    client.up.length = 0
    client.down.length = 0
  }

  /** The socket opens again and both sides send what the other lacks. */
  reconnect(client: RelayedClient): void {
    if (client.connected) return
    client.connected = true
    client.down.push(Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(client.doc)))
    client.up.push(Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(this.server)))
  }

  /**
   * Everyone reconnects, every frame ends and everything in flight is delivered, repeatedly,
   * until nothing more is sent (merges send more); throws if that never happens.
   */
  settle(): void {
    const rounds = 50
    for (const client of this.clients) this.reconnect(client)
    for (let round = 0; round < rounds; round++) {
      for (const client of this.clients) endFrame(client.store)
      for (const client of this.clients) this.receiveOnServer(client)
      this.endServerTurn()
      for (const client of this.clients) this.deliver(client)
      if (this.clients.every((c) => c.up.length === 0 && c.down.length === 0) && this.turn.length === 0) return
    }
    throw new Error(`still exchanging updates after ${rounds} rounds`)
  }
}
