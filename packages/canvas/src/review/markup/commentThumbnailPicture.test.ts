// @vitest-environment jsdom
import { act, createElement, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { atom } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createShotShape, type ShotMedia, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationShot } from '../../presentation/testing/presentationShot'
import { commentShotFrame } from './commentShotFrame'
import { stageShotPicture } from './stageShotPicture'
import { ReviewNotesShot } from '../../print/notes/ReviewNotesShot'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** How the server answers the question the thumbnail asks after its picture failed. */
let answer: () => Response
beforeEach(() => vi.stubGlobal('fetch', async () => answer()))
afterEach(() => vi.unstubAllGlobals())

const apiError = (status: number, code: string) => () => Response.json({ error: { code, message: 'no' } }, { status })
const unreachable = () => {
  throw new TypeError('Failed to fetch')
}

function boardShot(media: ShotMedia): TLShotShape {
  return createShotShape({ parentId: 'page:p' as never, index: 'a1' as never, props: { media } }) as TLShotShape
}

/** The thumbnail's picture once its file failed to load (every picture of it on the page, `within` the thumbnail): what the person sees in its place. */
async function afterFailure(picture: ReactNode, within = ''): Promise<HTMLElement> {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => root.render(picture))
  const elements = [...container.querySelectorAll(`${within} img, ${within} video`)]
  expect(elements).not.toEqual([])
  await act(async () => {
    for (const element of elements) element.dispatchEvent(new Event('error'))
  })
  // The server's answer, then the render after it.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
  return container
}

/** The mark in place of a picture: its short words and its whole sentence (name and tooltip); no picture left. */
function mark(container: HTMLElement) {
  expect(container.querySelector('img, video')).toBeNull()
  const shown = container.querySelector('[data-testid="picture-unreadable"]')
  return { text: shown?.textContent, title: shown?.getAttribute('title'), name: shown?.querySelector('[role="img"]')?.getAttribute('aria-label') }
}

const cases = [
  { failure: 'the server refuses the take as unreadable (422)', answer: apiError(422, 'take_unreadable'), text: 'Take unreadable', title: 'Take unreadable — choose another take or generate again' },
  { failure: 'the file is missing (404)', answer: apiError(404, 'asset_not_found'), text: 'Picture unavailable', title: 'Picture unavailable — it could not be loaded' },
  { failure: 'the server cannot be reached', answer: unreachable, text: 'Picture unavailable', title: 'Picture unavailable — it could not be loaded' },
]

describe("a comment's drawing thumbnail, when its shot's picture fails to load", () => {
  for (const [i, c] of cases.entries()) {
    it(`in the Comments list: a small mark, never a broken picture, when ${c.failure}`, async () => {
      answer = c.answer
      const frame = commentShotFrame(boardShot({ assetId: 'asset:a' as never, src: `/api/boards/b1/assets/list${i}`, kind: i === 1 ? 'video' : 'image' }))
      const seen = mark(await afterFailure(frame!.picture))
      expect(seen).toEqual({ text: c.text, title: c.title, name: c.title })
    })

    it(`beside a presentation or on the review page: the same small mark when ${c.failure}`, async () => {
      answer = c.answer
      const stage = { drawing: atom('d', null), shown: atom('s', null), pause() {}, mediaUrl: (src: string) => src, sketchEditor: null }
      const shot = presentationShot('1', 0, 2, { assetId: 'asset:a' as never, src: `/api/boards/b1/assets/stage${i}`, kind: 'image' })
      const seen = mark(await afterFailure(stageShotPicture(stage, shot).picture))
      expect(seen).toEqual({ text: c.text, title: c.title, name: c.title })
    })

    it(`in the printed review notes: the same small mark under the drawing when ${c.failure}`, async () => {
      answer = c.answer
      const shot = presentationShot('1', 0, 2, { assetId: 'asset:a' as never, src: `/api/boards/b1/assets/notes${i}`, kind: 'image' })
      const comment = { id: 'c1', body: 'Smaller', mentions: [], markup: { strokes: [{ color: 'red' as const, points: [[0.2, 0.2], [0.8, 0.8]] as [number, number][] }] }, author: { kind: 'reviewer' as const, shareLinkId: 'l1', name: 'Kim' }, createdAt: '2026-12-07T10:00:00.000Z' }
      const thread = { id: 'thread0000000001', anchor: { kind: 'shot' as const, shotId: '1' }, resolved: false, resolvedBy: null, resolvedAt: null, createdAt: comment.createdAt, comments: [comment] }
      const notes = createElement(ReviewNotesShot, { entry: { shot, verdict: null, threads: [thread] }, sketchEditor: null, mediaUrl: (src: string) => src })
      const seen = mark((await afterFailure(notes, '.markup-thumbnail')).querySelector<HTMLElement>('.markup-thumbnail')!)
      expect(seen).toEqual({ text: c.text, title: c.title, name: c.title })
    })
  }
})
