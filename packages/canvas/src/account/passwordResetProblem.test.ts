import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/apiClient'
import { passwordResetProblem } from './passwordResetProblem'

describe('password reset link problems', () => {
  it('says why a dead link sets nothing, and to ask the admin for a new one', () => {
    const used = passwordResetProblem(new ApiError('password_reset_used', 'already used', 410))
    const expired = passwordResetProblem(new ApiError('password_reset_expired', 'expired', 410))
    const invalid = passwordResetProblem(new ApiError('password_reset_invalid', 'not valid', 404))
    expect([used.title, expired.title, invalid.title]).toEqual(['Reset link already used', 'Reset link expired', 'Reset link not valid'])
    for (const problem of [used, expired, invalid]) {
      expect(problem.retry).toBe(false)
      expect(problem.message).toMatch(/Ask the admin of this server for a new one\.$/)
    }
    expect(invalid.message).not.toMatch(/used/)
  })

  it('does not blame the link when the server cannot be reached or is at fault', () => {
    expect(passwordResetProblem(new ApiError('unreachable', 'Cannot reach the Storyloom server.', null))).toMatchObject({ title: 'Cannot reach the Storyloom server', retry: true })
    expect(passwordResetProblem(new ApiError('internal', 'Internal server error', 500))).toMatchObject({ title: 'Reset link could not be opened', retry: true })
  })
})
