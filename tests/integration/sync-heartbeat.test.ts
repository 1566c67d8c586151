import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { MessageType } from '@storyloom/shared/protocol/syncProtocol'
import { useSyncTestServer } from '../support/syncTestServer'
import { createBoard, openRawSocket, startSyncEndpoint, waitFor } from '../support/syncClient'

// y-websocket clients close a socket that received nothing for 30 s and open a new one (the page
// said "Offline" meanwhile). This server never echoes a client's own presence back, so a client
// alone on a board — or a review link, sent no team presence unless someone presents — got
// nothing on a quiet board. The server's heartbeat keeps such a socket open.

const t = useSyncTestServer()
let endpoint: Awaited<ReturnType<typeof startSyncEndpoint>>

beforeAll(async () => {
  endpoint = await startSyncEndpoint({ db: t.server.db, config: t.server.config, tuning: { heartbeatMs: 50 } })
})
afterAll(async () => {
  await endpoint.close()
})

/** Whether a message is an awareness update that names no client (changes nobody's presence). */
function isEmptyAwareness(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MessageType.awareness) return false
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  return decoding.readVarUint(update) === 0 && !decoding.hasContent(update)
}

describe('sync heartbeat', () => {
  it('sends a client alone on a quiet board a message that changes nothing, so its socket is not taken for dead', async () => {
    const boardId = createBoard(t.server.db)
    const alone = openRawSocket(`${endpoint.syncUrl}/${boardId}`)
    await alone.opened
    // Nobody else is on the board and nothing is sent: only the server's heartbeat can arrive.
    await waitFor(() => alone.messages.filter(isEmptyAwareness).length >= 2, { what: 'two heartbeats' })
    alone.ws.close()
    expect(await alone.closed).toMatchObject({ code: 1005 })
  })
})
