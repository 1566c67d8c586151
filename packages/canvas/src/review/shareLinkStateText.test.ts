import { expect, it } from 'vitest'
import { dateTimeText } from '../app/dateTimeText'
import { shareLinkStateText } from './shareLinkStateText'

const at = '2026-03-14T15:09:00.000Z'
const off = '2026-03-20T09:30:00.000Z'
const link = { state: 'active', expiresAt: at, hasPasscode: false, revokedAt: null, revokedByName: null } as const

it('says when an active link expires, in the reader’s language, or that it never does', () => {
  expect(shareLinkStateText(link, ['de-DE'])).toEqual({ text: `Active · expires ${dateTimeText(at, ['de-DE'])}`, by: null, passcode: false })
  expect(shareLinkStateText(link, ['de-DE']).text).not.toBe(shareLinkStateText(link, ['en-US']).text)
  expect(shareLinkStateText({ ...link, expiresAt: null, hasPasscode: true }, ['en-GB'])).toEqual({ text: 'Active · never expires', by: null, passcode: true })
})

it('says when an expired link ended', () => {
  expect(shareLinkStateText({ ...link, state: 'expired', hasPasscode: true }, ['en-GB'])).toEqual({ text: `Expired ${dateTimeText(at, ['en-GB'])}`, by: null, passcode: true })
})

it('says when a turned-off link was turned off, in the reader’s language, and by whom, not when it would have expired', () => {
  const turnedOff = { ...link, state: 'revoked', revokedAt: off, revokedByName: 'Ada Lovelace' } as const
  expect(shareLinkStateText(turnedOff, ['de-DE'])).toEqual({ text: `Turned off ${dateTimeText(off, ['de-DE'])}`, by: 'Ada Lovelace', passcode: false })
  // Turned off by nobody named (local mode without a name, or before the server kept who): only the team can, so it says that.
  expect(shareLinkStateText({ ...turnedOff, revokedByName: null }, ['en-GB'])).toEqual({ text: `Turned off ${dateTimeText(off, ['en-GB'])} by someone on the team`, by: null, passcode: false })
  // No time either.
  expect(shareLinkStateText({ ...turnedOff, revokedAt: null, revokedByName: null }, ['en-GB']).text).toBe('Turned off by someone on the team')
})
