import { beforeAll, describe, expect, it } from 'vitest'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { BOARD_LIST_EVENTS_PATH } from '@storyloom/shared/events/boardListEvents'
import { signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { frameShape, pagesOf } from '../support/boardFixtures'
import { openBoardListEvents } from '../support/sseClient'
import { connectClient, writeRecords } from '../support/syncClient'
import { waitFor } from '../support/waitFor'

describe('the board-list stream with accounts', () => {
  const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
  let admin: TestAccount
  let owner: TestAccount

  beforeAll(async () => {
    admin = await signUp(t.server.url, 'Admin') // the first account: sees every board
    owner = await signUp(t.server.url, 'Owner')
  })

  const listAs = (account: TestAccount) => openBoardListEvents(t.server.url, { headers: { cookie: account.cookie } })
  const changes = (stream: ReturnType<typeof listAs>) => stream.events.map((e) => `${e.change} ${e.boardId}`)

  async function createBoardAs(account: TestAccount, name: string): Promise<string> {
    const res = await account.api.api.boards.$post({ json: { name } })
    expect(res.status).toBe(201)
    return boardResponseSchema.parse(await res.json()).id
  }

  it('is refused to people who are not signed in', async () => {
    const res = await fetch(`${t.server.url}${BOARD_LIST_EVENTS_PATH}`)
    expect(res.status).toBe(401)
    await res.body?.cancel()
  })

  it('tells each person about the boards they see — created, renamed, joined, re-roled, left, deleted — and nobody else', async () => {
    const member = await signUp(t.server.url, 'Member')
    const outsider = await signUp(t.server.url, 'Outsider')
    const [owners, members, outsiders, admins] = [listAs(owner), listAs(member), listAs(outsider), listAs(admin)]
    await Promise.all([owners.ready, members.ready, outsiders.ready, admins.ready])
    try {
      const boardId = await createBoardAs(owner, 'Pitch deck')
      await waitFor(() => owners.events.length === 1 && admins.events.length === 1, { what: 'the owner and the admin to hear of the new board' })

      // Joining by invite link: only the one who joined hears of it.
      const invite = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'viewer' } })
      const { token } = (await invite.json()) as { token: string }
      expect((await member.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
      await waitFor(() => members.events.length === 1, { what: 'the member to hear they joined' })

      const board = owner.api.api.boards[':boardId']
      expect((await board.$patch({ param: { boardId }, json: { name: 'Pitch deck v2' } })).status).toBe(200)
      await waitFor(() => members.events.length === 2, { what: 'the member to hear of the rename' })

      const memberOnBoard = { param: { boardId, userId: member.user.id } }
      expect((await board.members[':userId'].$patch({ ...memberOnBoard, json: { role: 'editor' } })).status).toBe(200)
      expect((await board.members[':userId'].$delete(memberOnBoard)).status).toBe(204)
      await waitFor(() => members.events.length === 4, { what: 'the member to hear of the new role and the removal' })

      // Off the board, the member hears nothing more of it.
      expect((await board.$patch({ param: { boardId }, json: { name: 'Secret title' } })).status).toBe(200)
      expect((await board.$delete({ param: { boardId } })).status).toBe(204)
      await waitFor(() => owners.events.length === 4, { what: 'the owner to hear of the rename and the deletion' })

      // The outsider hears only of their own board (waited for, so nothing earlier is still on its way).
      const theirs = await createBoardAs(outsider, 'Mine')
      await waitFor(() => outsiders.events.length > 0, { what: 'the outsider to hear of their own board' })

      expect(changes(owners)).toEqual([`created ${boardId}`, `renamed ${boardId}`, `renamed ${boardId}`, `deleted ${boardId}`])
      expect(changes(members)).toEqual([`access ${boardId}`, `renamed ${boardId}`, `access ${boardId}`, `access ${boardId}`])
      expect(changes(outsiders)).toEqual([`created ${theirs}`])
      await waitFor(() => admins.events.length === 8, { what: 'the admin to hear of every change' })
      expect(changes(admins)).toEqual(
        ['created', 'access', 'renamed', 'access', 'access', 'renamed', 'deleted'].map((change) => `${change} ${boardId}`).concat(`created ${theirs}`),
      )
      // Events carry no board names, only what changed.
      expect(JSON.stringify(members.events)).not.toContain('Secret title')
      expect([...owners.errors, ...members.errors, ...outsiders.errors, ...admins.errors]).toEqual([])
    } finally {
      for (const stream of [owners, members, outsiders, admins]) stream.close()
    }
  })

  it('tells the people who see a board that it was edited, once a burst of edits, not once per edit', async () => {
    const member = await signUp(t.server.url, 'Editor')
    const outsider = await signUp(t.server.url, 'Bystander')
    const boardId = await createBoardAs(owner, 'Storyboard in progress')
    const invite = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'editor' } })
    const { token } = (await invite.json()) as { token: string }
    expect((await member.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
    const [owners, outsiders] = [listAs(owner), listAs(outsider)]
    await Promise.all([owners.ready, outsiders.ready])
    const updatedAt = async () => {
      const res = await owner.api.api.boards.$get()
      return Date.parse(((await res.json()) as { boards: { id: string; updatedAt: string }[] }).boards.find((b) => b.id === boardId)!.updatedAt)
    }
    const created = await updatedAt()
    const editor = connectClient(t.server.syncUrl, boardId, { headers: { cookie: member.cookie } })
    try {
      await editor.synced()
      const page = pagesOf(editor.doc)[0]!
      // One edit: the board's people hear of it, and the list they re-read has its new time.
      writeRecords(editor, frameShape('edited', page.id))
      await waitFor(() => owners.events.length > 0, { what: 'the owner to hear the board was edited' })
      expect(owners.events[0]).toMatchObject({ type: 'boards_changed', boardId, change: 'updated' })
      expect(await updatedAt()).toBeGreaterThan(created)
      // Then a burst of edits, as strokes and keystrokes make (one record change each): its end is
      // told too, but not once per edit.
      const burst = Date.now()
      for (let i = 0; i < 40; i++) writeRecords(editor, frameShape('edited', page.id, { x: i }))
      await waitFor(() => owners.events.some((e) => e.at >= burst), { what: 'the burst to be told', timeoutMs: 15_000 })
      expect(await updatedAt()).toBeGreaterThanOrEqual(burst)
      expect(new Set(changes(owners))).toEqual(new Set([`updated ${boardId}`]))
      expect(owners.events.length).toBeLessThanOrEqual(3)
      // A bystander, who cannot see the board, hears nothing of it (their own board makes sure nothing is on its way).
      const theirs = await createBoardAs(outsider, 'Elsewhere')
      await waitFor(() => outsiders.events.length > 0, { what: 'the bystander to hear of their own board' })
      expect(changes(outsiders)).toEqual([`created ${theirs}`])
      expect([...owners.errors, ...outsiders.errors]).toEqual([])
    } finally {
      editor.destroy()
      owners.close()
      outsiders.close()
    }
  })

  it('ends when its session does (signed out), sending nothing after that', async () => {
    const person = await signUp(t.server.url, 'Leaver')
    const stream = listAs(person)
    await stream.ready
    try {
      await createBoardAs(person, 'Before')
      await waitFor(() => stream.events.length === 1, { what: 'the first change' })
      expect((await person.api.api.auth['sign-out'].$post()).status).toBeLessThan(300)
      // A change they would have heard of: the admin renames their board.
      const boardId = stream.events[0]!.boardId
      const adminRename = await admin.api.api.boards[':boardId'].$patch({ param: { boardId }, json: { name: 'After' } })
      expect(adminRename.status).toBe(200)
      await stream.ended
      expect(stream.events).toHaveLength(1)
      expect(stream.errors).toEqual([])
    } finally {
      stream.close()
    }
  })
})

describe('the board-list stream in local mode', () => {
  const t = useHttpTestServer({}, { per: 'file' })

  it('tells every open home page about every board', async () => {
    const [first, second] = [openBoardListEvents(t.server.url), openBoardListEvents(t.server.url)]
    await Promise.all([first.ready, second.ready])
    try {
      const res = await t.api.api.boards.$post({ json: { name: 'Local board' } })
      const { id } = boardResponseSchema.parse(await res.json())
      await waitFor(() => first.events.length === 1 && second.events.length === 1, { what: 'both pages to hear of it' })
      expect(second.events[0]).toMatchObject({ type: 'boards_changed', boardId: id, change: 'created' })
    } finally {
      first.close()
      second.close()
    }
  })
})
