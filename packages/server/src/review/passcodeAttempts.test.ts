import { describe, expect, it } from 'vitest'
import { PasscodeAttempts } from './passcodeAttempts'

describe('PasscodeAttempts', () => {
  it('counts attempts as they start, so ones still being checked use up the window', () => {
    const attempts = new PasscodeAttempts(3, 60_000)
    expect([attempts.begin('k', 0), attempts.begin('k', 0), attempts.begin('k', 0)]).toEqual([0, 0, 0])
    expect(attempts.begin('k', 1_000)).toBe(59)
    expect(attempts.begin('other', 1_000)).toBe(0)
  })

  it('gives back attempts with the right passcode, and opens again when the window ends', () => {
    const attempts = new PasscodeAttempts(2, 60_000)
    for (let i = 0; i < 5; i++) {
      expect(attempts.begin('k', 0)).toBe(0)
      attempts.succeeded('k', 0)
    }
    attempts.begin('k', 0)
    attempts.begin('k', 0)
    expect(attempts.begin('k', 59_999)).toBe(1)
    expect(attempts.begin('k', 60_000)).toBe(0)
  })
})
