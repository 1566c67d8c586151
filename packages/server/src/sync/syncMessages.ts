/**
 * Encoding and decoding of the sync socket's messages: the y-websocket protocol (y-protocols sync
 * and awareness) plus Storyloom's `notice`. Decoders throw `BadMessageError` on anything that
 * is not a well-formed message, so the connection layer can close just that connection.
 */
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'

/** A message that cannot be decoded or is not part of the protocol. Its text never includes the payload. */
export class BadMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'BadMessageError'
  }
}

/** A decoded client message. Update payloads are views into the received buffer (no copy). */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }

/**
 * lib0 reads a length-prefixed payload as a view on the underlying ArrayBuffer without checking
 * it against the message; ws hands out slices of larger socket buffers, so check the bounds here.
 */
function readPayload(decoder: decoding.Decoder): Uint8Array {
  const payload = decoding.readVarUint8Array(decoder)
  if (decoder.pos > decoder.arr.length) throw new BadMessageError('payload longer than the message')
  return payload
}

/** Decodes one message a client sent. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder)
        const payload = readPayload(decoder)
        if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'syncStep1', stateVector: payload }
        if (step === syncProtocol.messageYjsSyncStep2) return { kind: 'syncStep2', update: payload }
        if (step === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload }
        throw new BadMessageError(`unknown sync message type ${step}`)
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: readPayload(decoder) }
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' }
      default:
        throw new BadMessageError(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof BadMessageError) throw error
    throw new BadMessageError('truncated message', { cause: error })
  }
}

/** Length of `n` as a lib0 varuint. */
function varUintLength(n: number): number {
  let length = 1
  while (n > 0x7f) {
    n = Math.floor(n / 128)
    length++
  }
  return length
}

/**
 * `sync/update` message for `update`, built in one exact-size allocation: this runs once per
 * broadcast, so it avoids lib0's growing encoder buffers.
 */
export function encodeUpdateMessage(update: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(2 + varUintLength(update.length) + update.length)
  out[0] = MessageType.sync
  out[1] = syncProtocol.messageYjsUpdate
  let offset = 2
  let n = update.length
  while (n > 0x7f) {
    out[offset++] = 0x80 | (n & 0x7f)
    n = Math.floor(n / 128)
  }
  out[offset++] = n
  out.set(update, offset)
  return out
}

/** `sync/step1`: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/**
 * The doc's structs that the holder of `stateVector` lacks, with the doc's delete set, leaving out
 * pending structs and deletions (`Y.encodeStateAsUpdate` appends them): they wait for updates
 * they build on and have not been validated; they are sent once integrated.
 */
export function encodeIntegratedUpdate(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  try {
    return Y.encodeStateAsUpdate(doc, stateVector)
  } finally {
    doc.store.pendingStructs = pendingStructs
    doc.store.pendingDs = pendingDs
  }
}

/** `sync/step2`: everything valid the client lacks, given its state vector. Throws on a malformed vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  let update: Uint8Array
  try {
    update = encodeIntegratedUpdate(doc, stateVector)
  } catch (error) {
    throw new BadMessageError('malformed state vector', { cause: error })
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * `awareness` message carrying the states of `clients` at their current clocks: their current
 * states, or those in `states` (a client absent there is sent as removed).
 */
export function encodeAwarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
  states: Map<number, { [field: string]: unknown }> = awareness.states,
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients, states))
  return encoding.toUint8Array(encoder)
}

/**
 * An awareness update naming no client: it changes nobody's presence, but it is a message. A
 * y-websocket client closes and reopens a socket that received none for 30 s, and this server
 * never echoes a client's own presence back (the reference server does), so the server sends
 * this to keep a quiet connection from looking dead.
 */
export const HEARTBEAT_MESSAGE: Uint8Array = (() => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.encode((update) => encoding.writeVarUint(update, 0)))
  return encoding.toUint8Array(encoder)
})()

/** Storyloom `notice`: varuint 100, then the `SyncNotice` as a JSON varstring. */
export function encodeNotice(notice: SyncNotice): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.notice)
  encoding.writeVarString(encoder, JSON.stringify(notice))
  return encoding.toUint8Array(encoder)
}
