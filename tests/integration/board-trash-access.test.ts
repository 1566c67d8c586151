import { beforeAll, describe, expect, it } from 'vitest'
import { boardListResponseSchema, deletedBoardListResponseSchema } from '@storyloom/shared/api/boards'
import { createdInviteResponseSchema } from '@storyloom/shared/api/accounts'
import { errorCode } from '../support/apiError'
import { addMembers, signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { openBoardListEvents } from '../support/sseClient'
import { createBoard } from '../support/syncClient'
import { waitFor } from '../support/waitFor'

describe('Recently deleted, with accounts', () => {
  const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
  let admin: TestAccount
  let owner: TestAccount
  let editor: TestAccount
  let stranger: TestAccount

  beforeAll(async () => {
    admin = await signUp(t.server.url, 'Admin') // the first account: owns every board
    owner = await signUp(t.server.url, 'Owner')
    editor = await signUp(t.server.url, 'Editor')
    stranger = await signUp(t.server.url, 'Stranger')
  })

  const as = (account: TestAccount, method: string, path: string) => fetch(`${t.server.url}${path}`, { method, headers: { cookie: account.cookie } })
  const trashOf = async (account: TestAccount) => {
    const res = await as(account, 'GET', '/api/trash')
    expect(res.status).toBe(200)
    return deletedBoardListResponseSchema.parse(await res.json()).boards.map((b) => b.id)
  }
  const listOf = async (account: TestAccount) => boardListResponseSchema.parse(await (await as(account, 'GET', '/api/boards')).json()).boards.map((b) => b.id)

  function teamBoard(): string {
    const boardId = createBoard(t.server.db, 'Team board')
    addMembers(t.server.db, boardId, [[owner, 'owner'], [editor, 'editor']])
    return boardId
  }

  it('is refused to people who are not signed in', async () => {
    expect((await fetch(`${t.server.url}/api/trash`)).status).toBe(401)
  })

  it('lets owners delete and restore, shows the trash only to its owners and the admin, and tells the list streams', async () => {
    const boardId = teamBoard()
    const editors = openBoardListEvents(t.server.url, { headers: { cookie: editor.cookie } })
    const strangers = openBoardListEvents(t.server.url, { headers: { cookie: stranger.cookie } })
    await Promise.all([editors.ready, strangers.ready])

    const refused = await as(editor, 'DELETE', `/api/boards/${boardId}`)
    expect(refused.status).toBe(403)
    expect(await errorCode(refused)).toBe('role_required')
    expect((await as(owner, 'DELETE', `/api/boards/${boardId}`)).status).toBe(204)
    await waitFor(() => editors.events.some((e) => e.boardId === boardId && e.change === 'deleted'), { what: 'the editor to hear of the deletion' })
    expect(await listOf(editor)).not.toContain(boardId)

    expect(await trashOf(owner)).toContain(boardId)
    expect(await trashOf(admin)).toContain(boardId)
    expect(await trashOf(editor)).not.toContain(boardId)
    expect(await trashOf(stranger)).not.toContain(boardId)

    const editorRestore = await as(editor, 'POST', `/api/trash/${boardId}/restore`)
    expect(editorRestore.status).toBe(403)
    expect(await errorCode(editorRestore)).toBe('role_required')
    expect((await as(editor, 'DELETE', `/api/trash/${boardId}`)).status).toBe(403)
    const strangerRestore = await as(stranger, 'POST', `/api/trash/${boardId}/restore`)
    expect(strangerRestore.status).toBe(404)
    expect(await errorCode(strangerRestore)).toBe('board_not_found')
    expect((await as(stranger, 'DELETE', `/api/trash/${boardId}`)).status).toBe(404)

    expect((await as(owner, 'POST', `/api/trash/${boardId}/restore`)).status).toBe(200)
    await waitFor(() => editors.events.some((e) => e.boardId === boardId && e.change === 'restored'), { what: 'the editor to hear of the restore' })
    // Members came back with it, with their roles.
    expect(await listOf(editor)).toContain(boardId)
    expect((await as(editor, 'PATCH', `/api/boards/${boardId}`)).status).not.toBe(404)
    expect(await trashOf(owner)).not.toContain(boardId)
    expect(strangers.events.filter((e) => e.boardId === boardId)).toEqual([])
    editors.close()
    strangers.close()
  })

  it('lets the admin restore any board, and its open invite links work again', async () => {
    const boardId = teamBoard()
    const created = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'viewer' } })
    const { token } = createdInviteResponseSchema.parse(await created.json())
    expect((await as(owner, 'DELETE', `/api/boards/${boardId}`)).status).toBe(204)
    const refused = await stranger.api.api.invites.accept.$post({ json: { token } })
    expect(refused.status).toBe(404)
    expect(await errorCode(refused)).toBe('invite_invalid')

    expect((await as(admin, 'POST', `/api/trash/${boardId}/restore`)).status).toBe(200)
    expect(await listOf(owner)).toContain(boardId)
    expect((await stranger.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
    expect(await listOf(stranger)).toContain(boardId)
  })
})
