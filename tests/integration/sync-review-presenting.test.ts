import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { PRESENTING_AWARENESS_FIELD } from '@storyloom/shared/present/presentingPresence'
import { REVIEWER_AWARENESS_FIELD } from '@storyloom/shared/review/reviewerPresence'
import { noteShape, pagesOf, shotShape } from '../support/boardFixtures'
import { createBoard, waitFor, writeRecords as write, type SyncClient } from '../support/syncClient'
import { reviewToken as makeReviewToken } from '../support/reviewLinks'
import { useSyncTestServer } from '../support/syncTestServer'

// A team member presenting the board to everyone (Present → "Present to everyone") is followed by
// a client on a review link too: the server passes review connections the presenter's screen and
// name, and nothing else of the team's presence.

const t = useSyncTestServer()
const reviewToken = (boardId: string) => makeReviewToken(t.server.url, boardId)

/** Two shots a reviewer sees and a sticky note they never do, on a board the team is on. */
async function boardWithTeam() {
  const boardId = createBoard(t.server.db)
  const ada = await t.connected(boardId)
  const page = pagesOf(ada.doc)[0]!.id
  write(ada, shotShape('one', page), shotShape('two', page, { index: 'a5' }), noteShape('sticky', page, 'Internal: over budget'))
  await waitFor(() => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, t.server.sync.boardState(boardId))
    return readRecord(doc, 'shape:sticky') !== undefined
  }, { what: 'the board reaches the server' })
  return { boardId, ada, token: await reviewToken(boardId) }
}

/** A team member's whole awareness state, as the canvas in Present writes it (tldraw presence and all). */
function teamState(name: string, presenting: unknown) {
  return {
    presence: { userName: name, color: '#ff0000', cursor: { x: 10, y: 20 }, selectedShapeIds: ['shape:sticky'], chatMessage: 'psst' },
    user: { name, color: '#ff0000' },
    internalNote: 'team only',
    [PRESENTING_AWARENESS_FIELD]: presenting,
  }
}

/** Every state of `clientId` that `client` has held since this was called (JSON), the removals as "null". */
function statesSeen(client: SyncClient, clientId: number): string[] {
  const seen: string[] = []
  client.provider.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
    if ([...added, ...updated, ...removed].includes(clientId)) seen.push(JSON.stringify(client.provider.awareness.getStates().get(clientId) ?? null))
  })
  return seen
}

const stateIn = (client: SyncClient, clientId: number) => client.provider.awareness.getStates().get(clientId)

describe('a review link follows a team presentation', () => {
  it('gets the presenter’s screen and name only, live, and loses it when they stop', async () => {
    const { boardId, ada, token } = await boardWithTeam()
    const adaId = ada.provider.awareness.clientID
    const reviewer = await t.connected(boardId, { params: { review: token } })
    const seen = statesSeen(reviewer, adaId)

    ada.provider.awareness.setLocalState(teamState('Ada', { shotId: 'shape:one', view: 'player', playing: false }))
    await waitFor(() => stateIn(reviewer, adaId) !== undefined, { what: 'the reviewer sees Ada present' })
    expect(stateIn(reviewer, adaId)).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: 'shape:one', view: 'player', playing: false } })

    // Her next shot, the grid, play: each reaches the reviewer.
    ada.provider.awareness.setLocalState(teamState('Ada', { shotId: 'shape:two', view: 'grid', playing: true }))
    await waitFor(() => stateIn(reviewer, adaId)?.presenting?.view === 'grid', { what: 'the grid reaches the reviewer' })
    expect(stateIn(reviewer, adaId)?.presenting).toEqual({ shotId: 'shape:two', view: 'grid', playing: true })

    // A reviewer joining during the presentation is told at once.
    const late = await t.connected(boardId, { params: { review: token } })
    await waitFor(() => stateIn(late, adaId) !== undefined, { what: 'a late reviewer sees Ada present' })
    expect(stateIn(late, adaId)).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: 'shape:two', view: 'grid', playing: true } })

    // Ada stops presenting: her state goes from both reviewers.
    ada.provider.awareness.setLocalState(teamState('Ada', null))
    await waitFor(() => stateIn(reviewer, adaId) === undefined && stateIn(late, adaId) === undefined, { what: 'the presentation ends for reviewers' })

    // Not one of the states the reviewer held carried the team's cursor, selection, chat or other fields.
    expect(seen.length).toBeGreaterThan(0)
    for (const state of seen) {
      for (const leak of ['"cursor"', '"selectedShapeIds"', 'psst', '"internalNote"', '"user"', '"color"', 'sticky']) expect(state).not.toContain(leak)
    }
  })

  it('never names a record the link does not show, passes nothing malformed, and nothing of team members who do not present', async () => {
    const { boardId, ada, token } = await boardWithTeam()
    const adaId = ada.provider.awareness.clientID
    const ben = await t.connected(boardId)
    const benId = ben.provider.awareness.clientID
    const reviewer = await t.connected(boardId, { params: { review: token } })
    const seen = statesSeen(reviewer, adaId)
    ben.provider.awareness.setLocalState(teamState('Ben', null))

    // Ada "presents" the sticky note (a record the link never gets): her screen arrives without it.
    ada.provider.awareness.setLocalState(teamState('Ada', { shotId: 'shape:sticky', view: 'player', playing: false }))
    await waitFor(() => stateIn(reviewer, adaId) !== undefined, { what: 'the reviewer sees Ada present' })
    expect(stateIn(reviewer, adaId)).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: null, view: 'player', playing: false } })

    // A malformed screen is not a presentation: it goes.
    ada.provider.awareness.setLocalState(teamState('Ada', { shotId: 'shape:one', view: 'everything', playing: 'yes' }))
    await waitFor(() => stateIn(reviewer, adaId) === undefined, { what: 'the malformed screen leaves the reviewer' })

    // A name that is no string is left out (the page says "Someone"); a long one is cut.
    ada.provider.awareness.setLocalState({ presence: { userName: { html: '<b>' } }, presenting: { shotId: 'shape:one', view: 'player', playing: false } })
    await waitFor(() => stateIn(reviewer, adaId) !== undefined, { what: 'Ada presents again' })
    expect(stateIn(reviewer, adaId)).toEqual({ presenting: { shotId: 'shape:one', view: 'player', playing: false } })
    ada.provider.awareness.setLocalState(teamState('A'.repeat(500), { shotId: 'shape:one', view: 'player', playing: false }))
    await waitFor(() => stateIn(reviewer, adaId)?.presence !== undefined, { what: 'the named screen reaches the reviewer' })
    expect(stateIn(reviewer, adaId)?.presence).toEqual({ userName: 'A'.repeat(100) })

    // Ada leaves while presenting: she goes from the reviewer.
    ada.provider.disconnect()
    await waitFor(() => stateIn(reviewer, adaId) === undefined, { what: 'Ada leaves the reviewer' })

    expect(stateIn(reviewer, benId)).toBeUndefined()
    for (const state of seen) expect(state).not.toContain('sticky')
  })

  it('keeps a reviewer from presenting: a `presenting` field of a review page reaches neither the team nor other reviewers', async () => {
    const { boardId, ada, token } = await boardWithTeam()
    const first = await t.connected(boardId, { params: { review: token } })
    const second = await t.connected(boardId, { params: { review: token } })
    const firstId = first.provider.awareness.clientID
    first.provider.awareness.setLocalState({
      [REVIEWER_AWARENESS_FIELD]: { name: 'Kim' },
      [PRESENTING_AWARENESS_FIELD]: { shotId: 'shape:two', view: 'player', playing: true },
    })
    for (const other of [ada, second]) {
      await waitFor(() => stateIn(other, firstId)?.[REVIEWER_AWARENESS_FIELD]?.name === 'Kim', { what: 'the reviewer is seen' })
      expect(stateIn(other, firstId)).toEqual({ [REVIEWER_AWARENESS_FIELD]: { name: 'Kim' } })
    }
  })
})
