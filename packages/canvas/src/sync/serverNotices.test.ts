import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import { MessageType, NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import { describeNotice, registerNoticeHandler } from './serverNotices'

/** A socket the test drives: what the server would send arrives through `onmessage`. */
class FakeSocket {
  static last: FakeSocket | undefined
  binaryType = 'arraybuffer'
  readyState = 0
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor() {
    FakeSocket.last = this
  }
  send() {}
  close() {}
}

/** Delivers one raw message to the provider through its socket, as the network would. */
function receive(message: Uint8Array): void {
  FakeSocket.last!.onmessage!({ data: message.slice().buffer })
}

function noticeMessage(body: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.notice)
  encoding.writeVarString(encoder, body)
  return encoding.toUint8Array(encoder)
}

function fakeProvider(): WebsocketProvider {
  return new WebsocketProvider('ws://storyloom.test/sync', 'board', new Y.Doc(), {
    disableBc: true,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  })
}

describe('server notices', () => {
  it('decodes a notice message and hands it over', () => {
    const provider = fakeProvider()
    const seen: SyncNotice[] = []
    registerNoticeHandler(provider, (n) => seen.push(n))
    const notice: SyncNotice = {
      code: NoticeCode.recordReverted,
      records: [{ id: 'shape:a', reason: 'props.w must be a number' }],
    }
    receive(noticeMessage(JSON.stringify(notice)))
    expect(seen).toEqual([notice])
    provider.destroy()
  })

  it('drops a malformed notice without throwing', () => {
    const provider = fakeProvider()
    const seen: SyncNotice[] = []
    registerNoticeHandler(provider, (n) => seen.push(n))
    receive(noticeMessage('{not json'))
    receive(noticeMessage(JSON.stringify({ code: 'something_else' })))
    expect(seen).toEqual([])
    provider.destroy()
  })

  it("tells the user what was undone and why", () => {
    expect(
      describeNotice({
        code: NoticeCode.recordReverted,
        records: [
          { id: 'shape:a', reason: 'asset src must be an uploaded asset URL' },
          { id: 'shape:b', reason: 'asset src must be an uploaded asset URL' },
        ],
      }),
    ).toEqual({ title: '2 changes were undone by the server', description: 'asset src must be an uploaded asset URL' })
  })
})
