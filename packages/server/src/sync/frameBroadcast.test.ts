import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { frameBroadcast } from './connection'

/** Sends `message` pre-framed through a real ws server socket and returns what a ws client receives. */
async function roundTrip(message: Uint8Array): Promise<Buffer> {
  const wss = new WebSocketServer({ port: 0, perMessageDeflate: false })
  await once(wss, 'listening')
  const { port } = wss.address() as { port: number }
  const serverSide = once(wss, 'connection')
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  const [socket] = (await serverSide) as [WebSocket]
  const received = once(client, 'message')
  ;(socket as unknown as { _socket: { write(b: Buffer): void } })._socket.write(frameBroadcast(message))
  const [data] = (await received) as [Buffer]
  client.close()
  wss.close()
  return data
}

describe('frameBroadcast', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 300_000])('frames a %i-byte message that a WebSocket client decodes', async (size) => {
    const message = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff)
    const data = await roundTrip(message)
    expect(Buffer.compare(data, Buffer.from(message))).toBe(0)
  })
})
