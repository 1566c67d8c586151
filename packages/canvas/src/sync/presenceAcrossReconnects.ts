import type { Awareness } from 'y-protocols/awareness'

/** What {@link keepPresenceAcrossReconnects} needs of a y-websocket provider. */
export interface PresenceProvider {
  readonly awareness: Awareness
  on(event: 'status', listener: (event: { status: 'connected' | 'disconnected' | 'connecting' }) => void): void
}

/**
 * Presence comes back with the socket, at once. When its socket closes, y-websocket drops the
 * others' presence but keeps each one's clock, so the same presence sent again on the next socket
 * (the server sends everyone's) would be refused as old until its owner changed it — up to 15 s
 * of "nobody following" for a presenter back from a network drop. The server, for its part, dropped
 * ours and refuses it at the clock it knew. So the others' clocks are forgotten once they are gone,
 * and ours is sent as new when a socket opens.
 */
export function keepPresenceAcrossReconnects(provider: PresenceProvider): void {
  const { awareness } = provider
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') {
      for (const id of [...awareness.meta.keys()]) if (id !== awareness.clientID && !awareness.states.has(id)) awareness.meta.delete(id)
    } else if (status === 'connected') {
      const state = awareness.getLocalState()
      // The same state under the next clock: sent on this socket before y-websocket sends it again.
      if (state !== null) awareness.setLocalState(state)
    }
  })
}
