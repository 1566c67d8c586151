// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { dateTimeText } from '../app/dateTimeText'
import { InviteLinkList } from './InviteLinkList'

afterEach(() => vi.unstubAllGlobals())

it('writes when an invite link ends as every other date: in the reader’s language, to the minute', () => {
  vi.stubGlobal('navigator', { ...navigator, languages: ['de-DE'], language: 'de-DE' })
  const expiresAt = '2026-03-14T15:09:27.000Z'
  const invite = { id: 'i1', role: 'editor', expiresAt, createdAt: '2026-03-07T15:09:27.000Z' } as const
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(createElement(InviteLinkList, { invites: [invite], onRevoke: () => {} }))
  const until = container.querySelector('.members-dialog__email')!.textContent
  expect(until).toBe(`until ${dateTimeText(expiresAt, ['de-DE'])}`)
  expect(until).not.toContain(':27')
})
