import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/apiClient'
import { inviteProblem } from './inviteProblem'

describe('invite problems', () => {
  it('blames the link only when the link is at fault', () => {
    expect(inviteProblem(new ApiError('invite_invalid', 'invite not found', 404))).toMatchObject({ title: 'Invite not valid', retry: false })
    expect(inviteProblem(new ApiError('invite_expired', 'invite expired', 410))).toMatchObject({ title: 'Invite expired', retry: false })
  })

  it('tells a used link apart from a revoked or unknown one, and offers signing in for it', () => {
    const used = inviteProblem(new ApiError('invite_used', 'already used', 410))
    expect(used).toMatchObject({ title: 'Invite already used', retry: false, signIn: true })
    expect(used.message).toMatch(/already joined with this invite link/)
    const revoked = inviteProblem(new ApiError('invite_invalid', 'not valid', 404))
    expect(revoked.message).not.toMatch(/used/)
    expect(revoked.signIn).toBeFalsy()
  })

  it('says the server is unreachable, not that the invite is invalid, when it cannot be reached', () => {
    const problem = inviteProblem(new ApiError('unreachable', 'Cannot reach the Storyloom server.', null))
    expect(problem.title).toBe('Cannot reach the Storyloom server')
    expect(problem.title).not.toMatch(/not valid/)
    expect(problem.retry).toBe(true)
  })

  it('offers a retry for a failure of the server', () => {
    expect(inviteProblem(new ApiError('internal', 'internal error', 500))).toMatchObject({ title: 'Invite could not be opened', retry: true })
  })
})
