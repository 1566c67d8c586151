import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAllRecords, readRecord, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { CloseCode } from '@storyloom/shared/protocol/syncProtocol'
import { REVIEWER_AWARENESS_FIELD } from '@storyloom/shared/review/reviewerPresence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import {
  bindingRecord,
  drawShape,
  imageAssetRecord,
  noteShape,
  pagesOf,
  shotShape,
  textShape,
  uploadedImageShape,
} from '../support/boardFixtures'
import { createBoard, waitFor, writeRecords as write, type SyncClient } from '../support/syncClient'
import { reviewToken as makeReviewToken } from '../support/reviewLinks'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer()
const reviewToken = (boardId: string) => makeReviewToken(t.server.url, boardId)

/** The board as the server holds it now. */
function serverDoc(boardId: string): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, t.server.sync.boardState(boardId))
  return doc
}

function idsOf(client: SyncClient): string[] {
  return readAllRecords(client.doc).map((r) => r.id as string)
}

/** Every record id a client has ever held, from the moment this is called. */
function everHeld(client: SyncClient): Set<string> {
  const seen = new Set(idsOf(client))
  client.doc.on('afterTransaction', () => idsOf(client).forEach((id) => seen.add(id)))
  return seen
}

const media = (boardId: string, assetId: string) => ({
  media: { assetId: `asset:${assetId}`, src: `/api/boards/${boardId}/assets/${assetId}`, kind: 'image' },
})
const assetSrc = (boardId: string, assetId: string) => `/api/boards/${boardId}/assets/${assetId}`

/** Hidden from reviewers: what the team keeps on the board besides the presentation. */
const INTERNAL = ['shape:sticky', 'shape:label', 'shape:ref', 'asset:refimg', 'binding:pin']

/** A board with a shot showing an image, a sketched shot, and the team's own notes, text and a reference. */
async function boardForReview() {
  const boardId = createBoard(t.server.db)
  const team = await t.connected(boardId)
  const page = pagesOf(team.doc)[0]!.id
  write(
    team,
    imageAssetRecord('take1', assetSrc(boardId, 'take1')),
    imageAssetRecord('refimg', assetSrc(boardId, 'refimg')),
    shotShape('lit', page, { props: { ...shotShape('lit', page).props, ...media(boardId, 'take1') } }),
    shotShape('sketched', page, { index: 'a5' }),
    drawShape('stroke', 'shape:sketched', 'AAAAAAAAAAAA'),
    noteShape('sticky', page, 'Internal: the client hates blue'),
    textShape('label', page, 'Budget is blown'),
    uploadedImageShape('ref', page, 'refimg'),
    bindingRecord('pin', 'reference', 'ref', 'lit', { role: 'character' }),
  )
  await waitFor(() => readRecord(serverDoc(boardId), 'binding:pin') !== undefined, { what: 'the board reaches the server' })
  return { boardId, team, page }
}

describe('a review link is served the presentation, not the board', () => {
  it('gets the shots, their image and sketch, and none of the team’s notes, text or references — also as the board changes', async () => {
    const { boardId, team, page } = await boardForReview()
    const reviewer = await t.connected(boardId, { params: { review: await reviewToken(boardId) } })
    const held = everHeld(reviewer)

    expect(idsOf(reviewer)).toEqual(expect.arrayContaining(['document:document', page, 'shape:lit', 'asset:take1', 'shape:sketched', 'shape:stroke']))
    expect(readRecord(reviewer.doc, 'shape:stroke')).toEqual(readRecord(serverDoc(boardId), 'shape:stroke'))
    for (const id of INTERNAL) expect(idsOf(reviewer)).not.toContain(id)

    // Live: a new shot, a growing stroke, a new image on a shot, a removed shot.
    write(team, shotShape('late', page, { index: 'a9' }))
    await waitFor(() => readRecord(reviewer.doc, 'shape:late') !== undefined, { what: 'the new shot reaches the reviewer' })

    write(team, drawShape('stroke', 'shape:sketched', 'AAAAAAAAAAAABBBBBBBB'))
    await waitFor(() => JSON.stringify(readRecord(reviewer.doc, 'shape:stroke')).includes('BBBBBBBB'), { what: 'the stroke grows for the reviewer' })

    const lit = readRecord(team.doc, 'shape:lit') as TLShotShape
    write(team, imageAssetRecord('take2', assetSrc(boardId, 'take2')), { ...lit, props: { ...lit.props, ...media(boardId, 'take2') } })
    await waitFor(() => (readRecord(reviewer.doc, 'shape:lit') as TLShotShape | undefined)?.props.media?.assetId === 'asset:take2', {
      what: 'the updated image reaches the reviewer',
    })
    expect(idsOf(reviewer)).toContain('asset:take2')
    expect(idsOf(reviewer)).not.toContain('asset:take1')

    team.doc.transact(() => removeRecords(team.doc, ['shape:stroke', 'shape:sketched']))
    await waitFor(() => readRecord(reviewer.doc, 'shape:sketched') === undefined, { what: 'the removed shot leaves the reviewer' })
    expect(idsOf(reviewer)).not.toContain('shape:stroke')

    // The team keeps editing its own notes; the reviewer gets nothing of it, ever.
    write(team, noteShape('sticky', page, 'Internal: they also hate green'), noteShape('sticky2', page, 'Margin is thin'))
    write(team, shotShape('last', page, { index: 'aA' }))
    await waitFor(() => readRecord(reviewer.doc, 'shape:last') !== undefined, { what: 'a later shot reaches the reviewer' })
    for (const id of [...INTERNAL, 'shape:sticky2']) expect(held).not.toContain(id)
  })

  it('passes reviewers’ presence on to the team and to other reviewers, and keeps the team’s cursors from reviewers', async () => {
    const { boardId, team } = await boardForReview()
    team.provider.awareness.setLocalState({ presence: { cursor: { x: 600, y: 0 }, selectedShapeIds: ['shape:sticky'] }, user: { name: 'Ana' } })
    const token = await reviewToken(boardId)
    const first = await t.connected(boardId, { params: { review: token } })
    first.provider.awareness.setLocalStateField(REVIEWER_AWARENESS_FIELD, { name: 'Client' })
    const second = await t.connected(boardId, { params: { review: token } })
    second.provider.awareness.setLocalStateField(REVIEWER_AWARENESS_FIELD, { name: null })

    const reviewerStateIn = (client: SyncClient) => client.provider.awareness.getStates().get(first.provider.awareness.clientID)
    await waitFor(() => reviewerStateIn(team)?.[REVIEWER_AWARENESS_FIELD]?.name === 'Client', { what: 'the team sees the reviewer' })
    await waitFor(() => reviewerStateIn(second)?.[REVIEWER_AWARENESS_FIELD]?.name === 'Client', { what: 'another reviewer sees the reviewer' })
    await waitFor(() => team.provider.awareness.getStates().has(second.provider.awareness.clientID), { what: 'the team sees the second reviewer' })

    // The team's cursor moves while reviewers watch.
    team.provider.awareness.setLocalStateField('presence', { cursor: { x: 610, y: 5 }, selectedShapeIds: ['shape:label'] })
    first.provider.awareness.setLocalStateField(REVIEWER_AWARENESS_FIELD, { name: 'Client (CD)' })
    await waitFor(() => reviewerStateIn(second)?.[REVIEWER_AWARENESS_FIELD]?.name === 'Client (CD)', { what: 'the rename reaches the other reviewer' })
    for (const reviewer of [first, second]) expect(reviewer.provider.awareness.getStates().has(team.provider.awareness.clientID)).toBe(false)
  })

  it('closes a reviewer that comes back holding a copy the server no longer serves, and serves it afresh from an empty doc', async () => {
    const { boardId } = await boardForReview()
    const token = await reviewToken(boardId)
    const before = await t.connected(boardId, { params: { review: token } })
    const kept = Y.encodeStateAsUpdate(before.doc)

    // A restart makes the review copy anew: its structs differ from the ones the reviewer holds.
    await t.restart()
    const comeBack = new Y.Doc()
    Y.applyUpdate(comeBack, kept)
    const outdated = t.connect(boardId, { params: { review: token }, doc: comeBack })
    await waitFor(() => outdated.closes.some((c) => c.code === CloseCode.reviewOutdated), { what: 'the outdated reviewer is closed' })
    outdated.provider.shouldConnect = false

    const fresh = await t.connected(boardId, { params: { review: token } })
    expect(idsOf(fresh)).toEqual(expect.arrayContaining(['shape:lit', 'shape:stroke']))
    expect(idsOf(fresh)).not.toContain('shape:sticky')
  })
})
