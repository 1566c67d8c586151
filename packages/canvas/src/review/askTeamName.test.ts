// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { getUserPreferences, setUserPreferences } from 'tldraw'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { commentAuthorName } from '../user/givenName'
import { AskNameWhileUnnamed } from './askTeamName'
import { CommentComposer } from './CommentComposer'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

beforeEach(() => localStorage.clear())
let root: Root | undefined
afterEach(() => act(() => root?.unmount()))

/** A team comment box as the Comments list has it, signing what it sends as the list does (the name read as it is sent). */
async function teamBox(people: string[] = [], boxes = 1): Promise<{ box: HTMLElement; sent: { body: string; authorName: string }[] }> {
  const sent: { body: string; authorName: string }[] = []
  const onSubmit = vi.fn(async (body: string) => void sent.push({ body, authorName: commentAuthorName(getUserPreferences().name) }))
  const box = document.createElement('div')
  document.body.append(box)
  root = createRoot(box)
  const composers = Array.from({ length: boxes }, (_, i) => createElement(CommentComposer, { key: i, placeholder: `Comment ${i}…`, people, onSubmit }))
  await act(async () => root!.render(createElement(AskNameWhileUnnamed, null, ...composers)))
  return { box, sent }
}

/** Types `value` into `input` as a person would (React listens to the input event). */
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!
  await act(async () => {
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

async function send(box: HTMLElement, body: string) {
  await type(box.querySelector('textarea')!, body)
  await act(async () => box.querySelector('form')!.requestSubmit())
}

const nameField = (box: HTMLElement) => box.querySelector<HTMLInputElement>('.comment-composer__name input')

it('asks a writer who never gave a name for one before their first comment, keeps it as their name (their cursor shows it) and signs the comment with it', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u1', name: 'Guest Fox' })
  const { box, sent } = await teamBox()
  await type(box.querySelector('textarea')!, 'Warmer light')
  expect(nameField(box)?.placeholder).toBe('Someone on the team')
  await type(nameField(box)!, 'Ada\u202E')
  await send(box, 'Warmer light')
  expect(sent).toEqual([{ body: 'Warmer light', authorName: 'Ada' }])
  expect(getUserPreferences().name).toBe('Ada')
  // Named now: the next comment asks nothing.
  expect(nameField(box)).toBeNull()
})

it('signs the comment "Someone on the team" when the writer leaves their name empty, never the made-up cursor name, and asks again next time', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u2', name: 'Guest Otter' })
  const { box, sent } = await teamBox()
  await send(box, 'Cut earlier')
  expect(sent).toEqual([{ body: 'Cut earlier', authorName: 'Someone on the team' }])
  expect(getUserPreferences().name).toBe('Guest Otter')
  await type(box.querySelector('textarea')!, 'And again')
  expect(nameField(box)?.value).toBe('')
})

it('asks nothing of a writer who gave a name', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u3', name: 'Grace' })
  const { box, sent } = await teamBox()
  expect(nameField(box)).toBeNull()
  await send(box, 'Good')
  expect(sent).toEqual([{ body: 'Good', authorName: 'Grace' }])
})

it('asks the name only in the box being written in, once writing starts: not in every comment and reply box at once', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u4', name: 'Guest Heron' })
  const { box } = await teamBox([], 3)
  const forms = [...box.querySelectorAll('form')]
  const asking = () => forms.map((f) => f.querySelector('.comment-composer__name') !== null)
  expect(asking()).toEqual([false, false, false])
  // The keyboard in a box asks nothing yet (opening Comments puts it there).
  await act(async () => forms[1]!.querySelector('textarea')!.focus())
  expect(asking()).toEqual([false, false, false])
  await type(forms[1]!.querySelector('textarea')!, 'Half a thought')
  expect(asking()).toEqual([false, true, false])
  // In the name field, the comment emptied: it stays.
  await act(async () => nameField(forms[1]!)!.focus())
  await type(forms[1]!.querySelector('textarea')!, '')
  expect(asking()).toEqual([false, true, false])
  // Writing in another box asks there; a box left empty and nameless no longer asks.
  await type(forms[2]!.querySelector('textarea')!, 'Later')
  await act(async () => forms[2]!.querySelector('textarea')!.focus())
  expect(asking()).toEqual([false, false, true])
})

it('suggests people by the names they chose: never a made-up "Guest Fox" (theirs or anyone\'s), nor "Someone on the team"', async () => {
  setUserPreferences({ ...getUserPreferences(), id: 'u5', name: 'Guest Fox' })
  const { box } = await teamBox(['Guest Fox', 'Ada', 'Someone on the team', 'Guest Otter', 'Guest Speaker', 'Ben'])
  await act(async () => box.querySelector('textarea')!.focus())
  await type(box.querySelector('textarea')!, 'Ask @')
  const suggested = () => [...box.querySelectorAll('[role="option"]')].map((o) => o.textContent)
  expect(suggested()).toEqual(['@Ada', '@Guest Speaker', '@Ben'])
  await type(box.querySelector('textarea')!, 'Ask @Gu')
  expect(suggested()).toEqual(['@Guest Speaker'])
})
