import { expect, it } from 'vitest'
import { dateTimeText } from '../app/dateTimeText'
import { shareLinkStateText } from './shareLinkStateText'

const at = '2026-03-14T15:09:00.000Z'

it('says when an active link expires, in the reader’s language, or that it never does', () => {
  expect(shareLinkStateText({ state: 'active', expiresAt: at, hasPasscode: false }, ['de-DE'])).toBe(`Active · expires ${dateTimeText(at, ['de-DE'])}`)
  expect(shareLinkStateText({ state: 'active', expiresAt: at, hasPasscode: false }, ['de-DE'])).not.toBe(shareLinkStateText({ state: 'active', expiresAt: at, hasPasscode: false }, ['en-US']))
  expect(shareLinkStateText({ state: 'active', expiresAt: null, hasPasscode: true }, ['en-GB'])).toBe('Active · never expires · passcode')
})

it('says when an expired link ended, and only that a turned-off one was turned off', () => {
  expect(shareLinkStateText({ state: 'expired', expiresAt: at, hasPasscode: true }, ['en-GB'])).toBe(`Expired ${dateTimeText(at, ['en-GB'])} · passcode`)
  expect(shareLinkStateText({ state: 'revoked', expiresAt: at, hasPasscode: false }, ['en-GB'])).toBe('Turned off')
})
