import { describe, expect, it } from 'vitest'
import { metaMap, pathsMap, putRecords, readAllRecords, readRecord, recordsMap, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { CloseCode, MAX_SYNC_MESSAGE_BYTES, MessageType, NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { useHttpTestServer } from '../support/httpTestServer'
import { useSyncTestServer } from '../support/syncTestServer'
import { createBoard, newBoardId, openRawSocket, waitFor, type SyncClient } from '../support/syncClient'
import { drawShape, frameShape, pageRecord, pagesOf } from '../support/boardFixtures'

const t = useSyncTestServer()
const connect = (boardId: string): SyncClient => t.connect(boardId)

/** Writes `records` from `client` in one transaction, as the canvas does for one store batch. */
function write(client: SyncClient, ...records: object[]): void {
  client.doc.transact(() => putRecords(client.doc, records as never))
}

describe('board sync', () => {
  it('shows each client the records and presence of the other', async () => {
    const { a, b, page } = await t.twoClientsOnBoard()

    write(a, frameShape('f1', page.id))
    await waitFor(() => readRecord(b.doc, 'shape:f1'), { what: 'b sees a’s shape' })
    write(b, frameShape('f2', page.id, { x: 50 }))
    await waitFor(() => readRecord(a.doc, 'shape:f2'), { what: 'a sees b’s shape' })
    expect(readAllRecords(a.doc)).toEqual(readAllRecords(b.doc))

    a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID), { what: 'b sees a’s presence' })
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada' } })

    // A client that leaves takes its presence with it.
    a.provider.disconnect()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), { what: 'a’s presence removed' })
  })

  it('sends a growing stroke through its path text and reassembles it for others', async () => {
    const { a, b, page } = await t.twoClientsOnBoard()
    let path = 'AAAAAAAA'
    write(a, drawShape('d1', page.id, path))
    for (let i = 0; i < 20; i++) {
      path += 'BBBBCCCC'
      write(a, drawShape('d1', page.id, path))
    }
    await waitFor(() => (readRecord(b.doc, 'shape:d1') as { props: { segments: { path: string }[] } } | undefined)?.props.segments[0]?.path === path, {
      what: 'b sees the whole stroke',
    })
    expect(a.notices).toEqual([])
  })

  it('seeds a new board exactly once when clients connect at the same time', async () => {
    const boardId = createBoard(t.server.db)
    const first = [connect(boardId), connect(boardId), connect(boardId)]
    await Promise.all(first.map((c) => c.synced()))
    for (const client of first) {
      expect(pagesOf(client.doc)).toHaveLength(1)
      expect(readRecord(client.doc, 'document:document')).toMatchObject({ typeName: 'document' })
      expect(metaMap(client.doc).get('schema')).toEqual(boardSchema.serialize())
      expect(readAllRecords(client.doc)).toEqual(readAllRecords(first[0]!.doc))
    }
    const later = await t.connected(boardId)
    expect(pagesOf(later.doc).map((p) => p.id)).toEqual(pagesOf(first[0]!.doc).map((p) => p.id))
  })

  it('reverts invalid records for everyone and tells only the writer why', async () => {
    const { a: writer, b: other, page } = await t.twoClientsOnBoard()
    write(writer, frameShape('f1', page.id))
    await waitFor(() => readRecord(other.doc, 'shape:f1'), { what: 'valid shape arrives' })

    // Everything `other` ever observes in the records map, after each applied update.
    const seen: { id: string; value: unknown }[] = []
    recordsMap(other.doc).observe((event) => {
      for (const id of event.keysChanged) seen.push({ id, value: readRecord(other.doc, id) })
    })

    write(writer, frameShape('f1', page.id, { x: 'abc' }))
    write(writer, { id: 'camera:c1', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} })
    write(writer, {
      id: 'asset:a1',
      typeName: 'asset',
      type: 'image',
      props: { name: 'x.png', src: 'data:image/png;base64,AAAA', w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
      meta: {},
    })
    writer.doc.transact(() => removeRecords(writer.doc, ['document:document']))

    await waitFor(() => writer.notices.flatMap((n) => (n.code === NoticeCode.recordReverted ? n.records : [])).length >= 4, {
      what: 'four reverted records reported',
    })
    const reverted = writer.notices.flatMap((n) => (n.code === NoticeCode.recordReverted ? n.records.map((r) => r.id) : []))
    expect(reverted.sort()).toEqual(['asset:a1', 'camera:c1', 'document:document', 'shape:f1'])
    for (const notice of writer.notices) {
      if (notice.code === NoticeCode.recordReverted) for (const r of notice.records) expect(r.reason).toMatch(/\w/)
    }

    // The writer's own doc is repaired.
    await waitFor(() => (readRecord(writer.doc, 'shape:f1') as { x?: unknown } | undefined)?.x === 0, { what: 'writer’s shape restored' })
    await waitFor(() => readRecord(writer.doc, 'document:document') && !readRecord(writer.doc, 'camera:c1') && !readRecord(writer.doc, 'asset:a1'), {
      what: 'writer’s doc repaired',
    })

    // A valid write afterwards: once `other` has it, it has had everything before it.
    write(writer, pageRecord('sentinel', 'Sentinel'))
    await waitFor(() => readRecord(other.doc, 'page:sentinel'), { what: 'sentinel arrives' })
    expect(other.notices).toEqual([])
    expect(readRecord(other.doc, 'shape:f1')).toMatchObject({ x: 0 })
    expect(readRecord(other.doc, 'document:document')).toBeDefined()
    // The net update may name a reverted key (inserted and deleted in it), but never with a value.
    for (const { id, value } of seen) {
      if (/^(camera|asset):/.test(id)) expect(value).toBeUndefined()
      if (id === 'shape:f1') expect(value).toMatchObject({ x: 0 })
      if (id === 'document:document') expect(value).toBeDefined()
    }
  })

  it('keeps board metadata server-owned and refuses deleting the last page', async () => {
    const boardId = createBoard(t.server.db)
    const writer = await t.connected(boardId)
    const page = pagesOf(writer.doc)[0]!
    writer.doc.transact(() => metaMap(writer.doc).set('schema', { schemaVersion: 2, sequences: {} }))
    writer.doc.transact(() => removeRecords(writer.doc, [page.id]))
    writer.doc.transact(() => pathsMap(writer.doc).set(`shape:nope/0`, 'not text' as never))
    await waitFor(() => writer.notices.length >= 2, { what: 'notices' })
    await waitFor(() => JSON.stringify(metaMap(writer.doc).get('schema')) === JSON.stringify(boardSchema.serialize()), {
      what: 'schema restored',
    })
    await waitFor(() => readRecord(writer.doc, page.id), { what: 'last page restored' })
  })

  it('closes only the connection that sends a malformed message, with 4400', async () => {
    const { boardId, a, b } = await t.twoClientsOnBoard()
    const url = `${t.server.syncUrl}/${boardId}`
    const malformed: (Uint8Array | string)[] = [
      new Uint8Array([42]), // unknown message type
      new Uint8Array([0, 7, 0]), // unknown sync step
      new Uint8Array([0, 2, 50, 1, 2]), // update shorter than its length prefix
      new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]), // not a Yjs update
      new Uint8Array([1, 3, 9, 9, 9]), // not an awareness update
      new Uint8Array([MessageType.notice]), // a server-only message
      'hello', // text frame
    ]
    for (const message of malformed) {
      const raw = openRawSocket(url)
      await raw.opened
      raw.ws.send(message)
      expect((await raw.closed).code).toBe(CloseCode.badMessage)
    }
    expect(a.closes).toEqual([])
    write(a, pageRecord('after', 'After'))
    await waitFor(() => readRecord(b.doc, 'page:after'), { what: 'room still works' })
  })

  it('closes a connection that sends an oversized message with 4413', async () => {
    const boardId = createBoard(t.server.db)
    const a = await t.connected(boardId)
    const url = `${t.server.syncUrl}/${boardId}`
    for (const size of [MAX_SYNC_MESSAGE_BYTES + 1, MAX_SYNC_MESSAGE_BYTES + 2 * 1024 * 1024]) {
      const raw = openRawSocket(url)
      await raw.opened
      const message = new Uint8Array(size)
      message[0] = 0
      message[1] = 2
      raw.ws.send(message)
      expect((await raw.closed).code).toBe(CloseCode.tooLarge)
    }
    expect(a.closes).toEqual([])
  })

  it('closes connections to an unknown board with 4404, and the client stops retrying', async () => {
    const client = connect(newBoardId())
    await waitFor(() => client.closes[0], { what: 'close' })
    expect(client.closes[0]!.code).toBe(CloseCode.boardNotFound)
    expect(client.provider.shouldConnect).toBe(false)
  })

  it('tells everyone with the board open its new name when it is renamed', async () => {
    const { a, b, boardId } = await t.twoClientsOnBoard()
    const res = await fetch(`${t.server.url}/api/boards/${boardId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '  Spot 30s — final  ' }),
    })
    expect(res.status).toBe(200)
    for (const client of [a, b]) {
      await waitFor(() => client.notices.find((n) => n.code === NoticeCode.boardRenamed), { what: 'rename notice' })
      expect(client.notices).toEqual([{ code: NoticeCode.boardRenamed, name: 'Spot 30s — final' }])
    }
  })

  it('closes a deleted board’s connections with 4404 and drops its room', async () => {
    const boardId = createBoard(t.server.db)
    const client = await t.connected(boardId)
    expect(t.server.sync.stats().rooms).toBeGreaterThan(0)
    t.server.db.$client.prepare('DELETE FROM boards WHERE id = ?').run(boardId)
    t.server.sync.closeBoard(boardId)
    await waitFor(() => client.closes[0], { what: 'close' })
    expect(client.closes[0]!.code).toBe(CloseCode.boardNotFound)
  })

  it('refuses upgrades from other origins, bad board ids and other paths', async () => {
    const boardId = createBoard(t.server.db)
    const url = `${t.server.syncUrl}/${boardId}`
    expect(await openRawSocket(url, { Origin: 'https://evil.example' }).refused).toBe(403)
    expect(await openRawSocket(url, { Origin: 'null' }).refused).toBe(403)
    expect(await openRawSocket(`${t.server.syncUrl}/not-a-board`).refused).toBe(400)
    expect(await openRawSocket(t.server.syncUrl.replace('/sync', '/elsewhere/x')).refused).toBe(404)

    const sameOrigin = openRawSocket(url, { Origin: t.server.url })
    await sameOrigin.opened
    sameOrigin.ws.close()
  })
})

describe('board sync with allowed origins', () => {
  const withAllowed = useHttpTestServer({ allowedOrigins: ['https://studio.example'] })

  it('accepts upgrades from an allowed origin and still refuses the others', async () => {
    const otherBoard = createBoard(withAllowed.server.db)
    const allowed = openRawSocket(`${withAllowed.server.syncUrl}/${otherBoard}`, { Origin: 'https://studio.example' })
    await allowed.opened
    allowed.ws.close()
    expect(await openRawSocket(`${withAllowed.server.syncUrl}/${otherBoard}`, { Origin: 'https://evil.example' }).refused).toBe(403)
  })
})
