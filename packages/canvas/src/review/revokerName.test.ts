import { expect, it } from 'vitest'
import { guestName } from '../user/guestIdentity'
import { revokerName } from './revokerName'

it('keeps the name a person gave this device, without invisible characters', () => {
  expect(revokerName('Ada')).toBe('Ada')
  expect(revokerName('Ada\u202E')).toBe('Ada')
  // A name that only looks like a made-up one is still a name.
  expect(revokerName('Guest Speaker')).toBe('Guest Speaker')
})

it('sends no name for a device whose person never gave one: not the "Guest Fox" made up for its cursor', () => {
  for (let i = 0; i < 20; i++) expect(revokerName(guestName())).toBeUndefined()
  expect(revokerName('Guest Fox')).toBeUndefined()
  expect(revokerName('')).toBeUndefined()
  expect(revokerName(null)).toBeUndefined()
})
