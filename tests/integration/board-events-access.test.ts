import { beforeAll, describe, expect, it } from 'vitest'
import { boardSnapshotSchema, restoreBoardSnapshotResponseSchema } from '@storyloom/shared/api/history'
import { addMembers, signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { makePng } from '../support/makePng'
import { openBoardEvents } from '../support/sseClient'
import { createBoard } from '../support/syncClient'
import { waitFor } from '../support/waitFor'

const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
let owner: TestAccount
let outsider: TestAccount
let seed = 0

beforeAll(async () => {
  await signUp(t.server.url, 'Admin') // the admin owns everything; the others are ordinary accounts
  owner = await signUp(t.server.url, 'Owner')
  outsider = await signUp(t.server.url, 'Outsider')
})

/** A board the owner owns and `viewers` view, with one take on `shape:shot1`; returns the board and the take. */
async function boardWithTake(...viewers: TestAccount[]): Promise<{ boardId: string; versionId: string }> {
  const boardId = createBoard(t.server.db)
  addMembers(t.server.db, boardId, [[owner, 'owner'], ...viewers.map((v) => [v, 'viewer'] as const)])
  const board = owner.api.api.boards[':boardId']
  const asset = await board.assets.$post({ param: { boardId } }, { init: { body: makePng(16, 9, ++seed) } })
  if (asset.status !== 201) throw new Error(`upload failed: ${asset.status}`)
  const assetId = (await asset.json()).id
  const take = await board.shots[':shotId'].versions.$post({ param: { boardId, shotId: 'shape:shot1' }, json: { assets: [{ assetId }] } })
  if (take.status !== 201) throw new Error(`take not recorded: ${take.status}`)
  return { boardId, versionId: (await take.json()).id }
}

const eventsAs = (account: TestAccount, boardId: string) => openBoardEvents(t.server.url, boardId, { headers: { cookie: account.cookie } })

describe('the board event stream with accounts', () => {
  it('is refused to people who are not on the board', async () => {
    const { boardId } = await boardWithTake()
    const res = await fetch(`${t.server.url}/api/boards/${boardId}/events`, { headers: { cookie: outsider.cookie } })
    expect(res.status).toBe(403)
    await res.body?.cancel()
  })

  it.each([
    ['removed from the board', (boardId: string, member: TestAccount) => owner.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: member.user.id } })],
    ['signed out', (_boardId: string, member: TestAccount) => member.api.api.auth['sign-out'].$post()],
  ] as const)('ends for someone %s, who gets no event after that', async (_, loseAccess) => {
    const member = await signUp(t.server.url, 'Member')
    const { boardId, versionId } = await boardWithTake(member)
    const owners = eventsAs(owner, boardId)
    const members = eventsAs(member, boardId)
    await Promise.all([owners.ready, members.ready])
    try {
      const star = () => owner.api.api.boards[':boardId'].versions[':versionId'].$patch({ param: { boardId, versionId }, json: { starred: true } })
      expect((await star()).status).toBe(200)
      await waitFor(() => members.events.length === 1, { what: 'the member to see the first change' })

      expect((await loseAccess(boardId, member)).status).toBeLessThan(300)
      expect((await star()).status).toBe(200)
      await waitFor(() => owners.events.length === 2, { what: 'the owner to see the second change' })
      await members.ended
      expect(members.events).toHaveLength(1)
      expect([...owners.errors, ...members.errors]).toEqual([])
    } finally {
      owners.close()
      members.close()
    }
  })
})

describe('history changes on the board event stream', () => {
  it('reach everyone on the board when a snapshot is saved or a restore keeps a backup, and nobody else', async () => {
    const member = await signUp(t.server.url, 'Member')
    const boardId = createBoard(t.server.db)
    addMembers(t.server.db, boardId, [[owner, 'owner'], [member, 'viewer']])
    const otherBoard = createBoard(t.server.db)
    addMembers(t.server.db, otherBoard, [[outsider, 'owner']])
    const refused = await fetch(`${t.server.url}/api/boards/${boardId}/events`, { headers: { cookie: outsider.cookie } })
    expect(refused.status).toBe(403)
    await refused.body?.cancel()

    const owners = eventsAs(owner, boardId)
    const members = eventsAs(member, boardId)
    const outsiders = eventsAs(outsider, otherBoard)
    await Promise.all([owners.ready, members.ready, outsiders.ready])
    try {
      const history = owner.api.api.boards[':boardId'].history
      const saved = await history.$post({ param: { boardId }, json: { name: 'Client review v1' } })
      expect(saved.status).toBe(201)
      const snapshot = boardSnapshotSchema.parse(await saved.json())
      await waitFor(() => members.events.some((e) => e.type === 'history_changed'), { what: 'the member to hear of the snapshot' })
      expect(members.events).toEqual([{ type: 'history_changed', boardId, snapshotId: snapshot.id, at: expect.any(Number) }])

      const restored = await history[':snapshotId'].restore.$post({ param: { boardId, snapshotId: snapshot.id }, json: {} })
      expect(restored.status).toBe(200)
      const { backup } = restoreBoardSnapshotResponseSchema.parse(await restored.json())
      await waitFor(() => members.events.length === 2, { what: 'the member to hear of the backup the restore kept' })
      expect(members.events[1]).toMatchObject({ type: 'history_changed', boardId, snapshotId: backup.id })
      expect(owners.events.map((e) => e.type)).toEqual(['history_changed', 'history_changed'])

      // Someone on another board hears nothing of it (wait on a change of their own board first).
      const own = await outsider.api.api.boards[':boardId'].history.$post({ param: { boardId: otherBoard }, json: { name: 'Mine' } })
      expect(own.status).toBe(201)
      await waitFor(() => outsiders.events.length > 0, { what: 'the outsider to hear of their own board' })
      expect(outsiders.events.map((e) => e.boardId)).toEqual([otherBoard])
      expect([...owners.errors, ...members.errors, ...outsiders.errors]).toEqual([])
    } finally {
      owners.close()
      members.close()
      outsiders.close()
    }
  })
})
