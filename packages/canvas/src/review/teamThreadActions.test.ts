// @vitest-environment jsdom
import { getUserPreferences, setUserPreferences } from 'tldraw'
import { beforeEach, expect, it, vi } from 'vitest'
import { replyToThread, setThreadResolved } from './reviewApi'
import { teamThreadActions } from './teamThreadActions'

vi.mock('./reviewApi', () => ({
  replyToThread: vi.fn(async () => ({ id: 't1' })),
  setThreadResolved: vi.fn(async () => ({ id: 't1' })),
}))

beforeEach(() => {
  localStorage.clear()
  vi.clearAllMocks()
})

it('signs a reply and a resolve with the name given by the time each is sent, never the made-up cursor name, and hands the answer on', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u1', name: 'Guest Fox' })
  const update = vi.fn()
  const actions = teamThreadActions('b1', 't1', update)
  await actions.onReply('Tighter', ['Ada'])
  expect(replyToThread).toHaveBeenLastCalledWith({ kind: 'team', boardId: 'b1' }, 't1', { body: 'Tighter', mentions: ['Ada'], authorName: 'Someone on the team', authorId: 'u1' })
  // Asked their name while writing, they gave it: what they send next is theirs.
  setUserPreferences({ ...getUserPreferences(), name: 'Grace' })
  await actions.onResolve(true)
  expect(setThreadResolved).toHaveBeenLastCalledWith('b1', 't1', true, 'Grace')
  expect(update).toHaveBeenCalledTimes(2)
  expect(update).toHaveBeenLastCalledWith({ id: 't1' })
})
