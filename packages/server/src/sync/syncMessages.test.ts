import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { BadMessageError, decodeClientMessage, encodeUpdateMessage } from './syncMessages'

describe('sync messages', () => {
  it('encodes update messages exactly as y-protocols does', () => {
    for (const size of [0, 1, 127, 128, 16_383, 16_384, 300_000]) {
      const update = new Uint8Array(size).fill(7)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      expect(new Uint8Array(encodeUpdateMessage(update))).toEqual(encoding.toUint8Array(encoder))
    }
  })

  it('rejects payloads that claim more bytes than the message has, even inside a larger buffer', () => {
    const socketBuffer = new Uint8Array(64).fill(7)
    socketBuffer.set([0, 2, 20, 1, 2], 0)
    expect(() => decodeClientMessage(socketBuffer.subarray(0, 5))).toThrow(BadMessageError)
    expect(decodeClientMessage(new Uint8Array([0, 2, 2, 0, 0]))).toEqual({ kind: 'update', update: new Uint8Array([0, 0]) })
  })
})
