/**
 * A mixed deploy: tabs that still run the client from before typed fields had texts of their own
 * (docs/doc-layout.md) write a shot's title, action and dialogue, and a scene's name, slugline and
 * location, inside the record. The server moves such text into the field's text so nobody loses it,
 * and tells a browser tab running that client to reload before it reads the board.
 */
import { describe, expect, it } from 'vitest'
import { fieldsMap, putRecords, readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { CloseCode, SYNC_PROTOCOL_PARAM, SYNC_PROTOCOL_VERSION } from '@storyloom/shared/protocol/syncProtocol'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createBoard, revertedRecordIds, waitFor, type SyncClient } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { shotShape } from '../support/boardFixtures'

const t = useSyncTestServer()

/** What the old client's `putRecords` did: the whole record, typed fields inside, no texts. */
function writeOldLayout(client: SyncClient, ...records: object[]): void {
  client.doc.transact(() => {
    for (const record of records) recordsMap(client.doc).set((record as { id: string }).id, record as never)
  })
}

function titleOf(client: SyncClient, id: string): unknown {
  return (readRecord(client.doc, id) as { props?: { title?: unknown } } | undefined)?.props?.title
}

describe('typed fields written by a client from before they had texts', () => {
  it('moves an old client’s typing into the field texts, for every client and for the next one to open the board', async () => {
    const { boardId, a: current, b: old } = await t.twoClientsOnBoard()
    const shot = shotShape('s1', 'page:page', { props: { ...shotShape('s1', 'page:page').props, title: 'Rooftop', dialogue: 'MARY: Now!' } })
    current.doc.transact(() => putRecords(current.doc, [shot as never]))
    await waitFor(() => titleOf(old, 'shape:s1') === 'Rooftop', { what: 'the shot reached the old client' })

    // The old client reads the record ('' inside it) and writes the whole record back with its title.
    const seen = recordsMap(old.doc).get('shape:s1') as unknown as typeof shot
    writeOldLayout(old, { ...seen, props: { ...seen.props, title: 'Rooftop jump' } })
    await waitFor(() => titleOf(current, 'shape:s1') === 'Rooftop jump', { what: 'the old client’s title reached the current client' })
    await waitFor(() => (recordsMap(current.doc).get('shape:s1') as typeof shot).props.title === '', { what: 'the record holds no title' })
    expect(readRecord(current.doc, 'shape:s1')).toMatchObject({ props: { title: 'Rooftop jump', dialogue: 'MARY: Now!' } })

    // A shot and a scene the old client makes: their texts are made with its values.
    const scene = createScene({ order: 'a1' as never, name: 'The chase', slugline: 'EXT. ROOFTOPS – NIGHT', location: 'Rooftops' })
    const made = shotShape('s2', 'page:page', { props: { ...shotShape('s2', 'page:page').props, action: 'Mary leaps.', sceneId: scene.id } })
    writeOldLayout(old, scene, made)
    await waitFor(() => fieldsMap(current.doc).get('shape:s2/action')?.toString() === 'Mary leaps.', { what: 'the new shot’s action text' })
    await waitFor(() => fieldsMap(current.doc).get(`${scene.id}/slugline`)?.toString() === 'EXT. ROOFTOPS – NIGHT', { what: 'the scene’s slugline text' })
    expect(recordsMap(current.doc).get(scene.id)).toMatchObject({ name: '', slugline: '', location: '' })
    expect(revertedRecordIds(old)).toEqual([])

    const reader = await t.connected(boardId)
    expect(readRecord(reader.doc, 'shape:s1')).toMatchObject({ props: { title: 'Rooftop jump', dialogue: 'MARY: Now!' } })
    expect(readRecord(reader.doc, 'shape:s2')).toMatchObject({ props: { action: 'Mary leaps.' } })
    expect(readRecord(reader.doc, scene.id)).toMatchObject({ name: 'The chase', location: 'Rooftops' })
  })

  it('tells a browser tab without the current protocol to reload before it gets the board; current tabs and scripts join', async () => {
    const boardId = createBoard(t.server.db)
    const browser = { Origin: t.server.url }
    const oldTab = t.connect(boardId, { headers: browser })
    await waitFor(() => oldTab.closes.length > 0, { what: 'the old tab closed' })
    expect(oldTab.closes[0]!.code).toBe(CloseCode.upgradeRequired)
    expect(oldTab.provider.synced).toBe(false)
    expect(recordsMap(oldTab.doc).size).toBe(0)

    const olderTab = t.connect(boardId, { headers: browser, params: { [SYNC_PROTOCOL_PARAM]: String(SYNC_PROTOCOL_VERSION - 1) } })
    await waitFor(() => olderTab.closes.length > 0, { what: 'the tab declaring an older protocol closed' })
    expect(olderTab.closes[0]!.code).toBe(CloseCode.upgradeRequired)

    const currentTab = await t.connected(boardId, { headers: browser, params: { [SYNC_PROTOCOL_PARAM]: String(SYNC_PROTOCOL_VERSION) } })
    const script = await t.connected(boardId)
    expect(currentTab.closes).toEqual([])
    expect(script.closes).toEqual([])
  })
})
