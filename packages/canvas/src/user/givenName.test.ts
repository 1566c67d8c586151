import { expect, it } from 'vitest'
import { guestName } from '@storyloom/shared/people/guestNames'
import { commentAuthorName, givenName } from './givenName'

it('keeps the name a person gave this device, without invisible characters', () => {
  expect(givenName('Ada')).toBe('Ada')
  expect(givenName('Ada\u202E')).toBe('Ada')
  // A name that only looks like a made-up one is still a name.
  expect(givenName('Guest Speaker')).toBe('Guest Speaker')
})

it('keeps no name for a device whose person never gave one: not the "Guest Fox" made up for its cursor', () => {
  for (let i = 0; i < 20; i++) expect(givenName(guestName())).toBeUndefined()
  expect(givenName('Guest Fox')).toBeUndefined()
  expect(givenName('')).toBeUndefined()
  expect(givenName(null)).toBeUndefined()
})

it('signs a team comment with the name the person gave, else "Someone on the team", never the made-up cursor name', () => {
  expect(commentAuthorName('Ada\u202E')).toBe('Ada')
  expect(commentAuthorName('Guest Fox')).toBe('Someone on the team')
  expect(commentAuthorName('  ')).toBe('Someone on the team')
  expect(commentAuthorName(undefined)).toBe('Someone on the team')
})
