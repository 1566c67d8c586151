import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { keepPresenceAcrossReconnects, type PresenceProvider } from './presenceAcrossReconnects'

type Status = 'connected' | 'disconnected' | 'connecting'

function provider(awareness: Awareness): PresenceProvider & { emit(status: Status): void } {
  const listeners: ((event: { status: Status }) => void)[] = []
  return { awareness, on: (_event, listener) => void listeners.push(listener), emit: (status) => listeners.forEach((l) => l({ status })) }
}

describe('keepPresenceAcrossReconnects', () => {
  it('takes back a colleague’s unchanged presence on the next socket, which y-websocket alone refuses as old', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    theirs.setLocalState({ following: 7 })
    const sent = encodeAwarenessUpdate(theirs, [theirs.clientID])
    const socket = provider(mine)
    keepPresenceAcrossReconnects(socket)
    applyAwarenessUpdate(mine, sent, 'server')
    // The socket closes: y-websocket drops the others' presence, then says so.
    removeAwarenessStates(mine, [theirs.clientID], 'provider')
    socket.emit('disconnected')
    // The next socket: the server sends their presence as it was.
    applyAwarenessUpdate(mine, sent, 'server')
    expect(mine.getStates().get(theirs.clientID)).toEqual({ following: 7 })
  })

  it('sends our own presence under a newer clock when a socket opens, so a server that dropped it takes it', () => {
    const mine = new Awareness(new Y.Doc())
    mine.setLocalState({ presenting: { shotId: 's2' } })
    const server = new Awareness(new Y.Doc())
    applyAwarenessUpdate(server, encodeAwarenessUpdate(mine, [mine.clientID]), 'old socket')
    // Our socket closed: the server dropped our presence (keeping its clock).
    removeAwarenessStates(server, [mine.clientID], 'closed')
    const socket = provider(mine)
    keepPresenceAcrossReconnects(socket)
    const updates: Uint8Array[] = []
    mine.on('update', ({ updated }: { updated: number[] }) => updated.includes(mine.clientID) && updates.push(encodeAwarenessUpdate(mine, [mine.clientID])))
    socket.emit('connected')
    expect(updates).toHaveLength(1)
    applyAwarenessUpdate(server, updates[0]!, 'new socket')
    expect(server.getStates().get(mine.clientID)).toEqual({ presenting: { shotId: 's2' } })
  })
})
