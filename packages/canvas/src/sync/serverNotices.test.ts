import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { WebsocketProvider } from 'y-websocket'
import { MessageType, NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import { ACCESS_TOAST_ID, describeNotice, registerNoticeHandler } from './serverNotices'

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

  it('drops a malformed notice without throwing, and says so in the console', () => {
    const provider = fakeProvider()
    const seen: SyncNotice[] = []
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    registerNoticeHandler(provider, (n) => seen.push(n))
    for (const body of ['{not json', '"read_only"', 'null', '[]', '{"message":"no code"}', '{"code":42}', JSON.stringify({ code: NoticeCode.boardRenamed })]) {
      receive(noticeMessage(body))
    }
    expect(seen).toEqual([])
    expect(warn).toHaveBeenCalledTimes(7)
    warn.mockRestore()
    provider.destroy()
  })

  it('ignores a notice of a code a newer server sends, without a warning, and reads the next one', () => {
    const provider = fakeProvider()
    const seen: SyncNotice[] = []
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    registerNoticeHandler(provider, (n) => seen.push(n))
    receive(noticeMessage(JSON.stringify({ code: 'shots_locked', by: 'someone' })))
    receive(noticeMessage(JSON.stringify({ code: NoticeCode.boardRenamed, name: 'Lumen' })))
    expect(seen).toEqual([{ code: NoticeCode.boardRenamed, name: 'Lumen' }])
    expect(warn).not.toHaveBeenCalled()
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('shots_locked'))
    warn.mockRestore()
    debug.mockRestore()
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
    ).toEqual({ title: '2 changes were undone by the server', description: 'asset src must be an uploaded asset URL', severity: 'warning' })
  })

  it('gives a role change the severity of its news: being made an editor is good news, not a warning', () => {
    expect(describeNotice({ code: NoticeCode.accessChanged, role: 'editor' })).toMatchObject({ title: 'You are now an editor on this board', severity: 'success' })
    expect(describeNotice({ code: NoticeCode.accessChanged, role: 'owner' })?.severity).toBe('success')
    expect(describeNotice({ code: NoticeCode.accessChanged, role: 'viewer' })?.severity).toBe('info')
    expect(describeNotice({ code: NoticeCode.readOnly, message: 'You can view this board but not edit it.' })?.severity).toBe('warning')
  })

  it('shows one toast about the user’s access at a time: a role change and dropped writes share its id', () => {
    const changed = describeNotice({ code: NoticeCode.accessChanged, role: 'viewer' })
    const readOnly = describeNotice({ code: NoticeCode.readOnly, message: 'You can view this board but not edit it.' })
    expect(changed).toMatchObject({ id: ACCESS_TOAST_ID, title: 'You are now a viewer on this board' })
    expect(readOnly).toMatchObject({ id: ACCESS_TOAST_ID, title: 'This board is read-only for you' })
    expect(describeNotice({ code: NoticeCode.recordReverted, records: [] })?.id).toBeUndefined()
  })

  it('reads a members-changed notice, which shows nothing by itself', () => {
    const provider = fakeProvider()
    const seen: SyncNotice[] = []
    registerNoticeHandler(provider, (n) => seen.push(n))
    receive(noticeMessage(JSON.stringify({ code: NoticeCode.membersChanged, who: 'ignored' })))
    expect(seen).toEqual([{ code: NoticeCode.membersChanged }])
    expect(describeNotice({ code: NoticeCode.membersChanged })).toBeNull()
    provider.destroy()
  })
})
