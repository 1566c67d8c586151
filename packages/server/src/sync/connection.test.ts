import { once } from 'node:events'
import { Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { Connection, frameBroadcast, rawSocketOf } from './connection'

type Pair = { server: WebSocket; client: WebSocket; conn: Connection }

const servers: WebSocketServer[] = []

afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const socket of wss.clients) socket.terminate()
    await new Promise((resolve) => wss.close(resolve))
  }
})

/** A real ws server socket (options as the sync server's: no compression) wrapped in a Connection, and a stock ws client. */
async function connectedPair(): Promise<Pair> {
  const wss = new WebSocketServer({ port: 0, perMessageDeflate: false })
  servers.push(wss)
  await once(wss, 'listening')
  const { port } = wss.address() as { port: number }
  const serverSide = once(wss, 'connection')
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  const [server] = (await serverSide) as [WebSocket]
  await once(client, 'open')
  return { server, client, conn: new Connection(server, 'board-1', { readOnly: false }) }
}

describe('Connection.sendFramed', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 300_000])('writes a %i-byte message framed once, which a ws client decodes exactly', async (size) => {
    const { server, client, conn } = await connectedPair()
    const message = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff)
    const send = vi.spyOn(server, 'send')
    const received = once(client, 'message')
    conn.sendFramed(frameBroadcast(message), message)
    const [data, isBinary] = (await received) as [Buffer, boolean]
    expect(isBinary).toBe(true)
    expect(Buffer.compare(data, Buffer.from(message))).toBe(0)
    // Written by us, not framed again by ws (its fallback): see rawSocketOf.
    expect(send).not.toHaveBeenCalled()
  })

  it('writes nothing to a closing or closed socket', async () => {
    const { server, client, conn } = await connectedPair()
    const write = vi.spyOn(rawSocketOf(server)!, 'write')
    const send = vi.spyOn(server, 'send')
    const message = Uint8Array.of(1, 2, 3)
    const frames = [frameBroadcast(message), frameBroadcast(message), frameBroadcast(message)]
    conn.sendFramed(frames[0]!, message)
    conn.close(1000)
    conn.sendFramed(frames[1]!, message) // closing: nothing may follow our close frame
    const [code] = (await once(client, 'close')) as [number]
    conn.sendFramed(frames[2]!, message) // closed
    expect(code).toBe(1000)
    const written = write.mock.calls.map(([chunk]) => chunk)
    expect(frames.map((frame) => written.includes(frame))).toEqual([true, false, false])
    expect(send).not.toHaveBeenCalled()
  })
})

describe('rawSocketOf', () => {
  // ws private API: if a ws upgrade moves it, broadcasts would silently fall back to ws.send.
  it("finds the TCP socket under a server-side ws WebSocket (ws's private `_socket`)", async () => {
    const { server } = await connectedPair()
    expect(rawSocketOf(server)).toBeInstanceOf(Socket)
  })
})
