// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import type { CommentResponse, CommentThreadResponse } from '@storyloom/shared/review/comments'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationModel } from '../../presentation/presentationShots'
import { ReviewNotesShot } from './ReviewNotesShot'

const picture = '/api/boards/b1/assets/bottle.png'
const [shot] = presentationModel([
  createShotShape({
    id: 'shape:bottle' as never,
    parentId: 'page:p' as TLParentId,
    index: 'a1' as IndexKey,
    props: { title: 'Hero bottle', order: 'a1' as IndexKey, aspect: '16:9', media: { assetId: 'asset:bottle' as never, src: picture, kind: 'image' } },
  }),
]).shots

const circle = { strokes: [{ color: 'red' as const, points: [[0.25, 0.25], [0.75, 0.75]] as [number, number][] }] }
const comment = (id: string, body: string, extra: Partial<CommentResponse> = {}): CommentResponse => ({
  id,
  body,
  mentions: [],
  author: { kind: 'reviewer', shareLinkId: 'l1', name: 'Kim' },
  createdAt: '2026-12-07T10:00:00.000Z',
  ...extra,
})
const thread: CommentThreadResponse = {
  id: 'thread0000000001',
  anchor: { kind: 'shot', shotId: 'shape:bottle' },
  resolved: false,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  comments: [
    comment('c1', 'Bigger, label to camera', { markup: circle }),
    comment('c2', 'Will do', { author: { kind: 'team', id: 'u1', name: 'Paula' } }),
    comment('c3', '', { markup: { strokes: [...circle.strokes, ...circle.strokes] } }),
  ],
}

function printed(): HTMLElement {
  const container = document.createElement('div')
  container.innerHTML = renderToStaticMarkup(
    createElement(ReviewNotesShot, { entry: { shot: shot!, verdict: null, threads: [thread] }, sketchEditor: null, mediaUrl: (src: string) => `${src}?via=notes` }),
  )
  return container
}

it("prints each comment's drawing over the shot's picture, where the client drew it, and only where there is one", () => {
  const comments = [...printed().querySelectorAll('[data-testid="notes-comment"]')]
  const drawings = comments.map((c) => {
    const drawing = c.querySelector('[data-testid="markup-thumbnail"]')
    return drawing && { name: drawing.getAttribute('aria-label'), strokes: drawing.querySelectorAll('polyline[stroke]').length, picture: drawing.querySelector('img')?.getAttribute('src') }
  })
  expect(drawings).toEqual([
    { name: 'Drawing: 1 stroke', strokes: 1, picture: `${picture}?via=notes` },
    null,
    { name: 'Drawing: 2 strokes', strokes: 2, picture: `${picture}?via=notes` },
  ])
  const first = comments[0]!.querySelector('polyline[stroke]')!.getAttribute('points')
  expect(first).toBe('0.25,0.25 0.75,0.75')
})

it('prints no empty body for a comment that is a drawing alone', () => {
  const bodies = [...printed().querySelectorAll('[data-testid="notes-comment"]')].map((c) => c.querySelector('.notes-comment__body')?.textContent ?? null)
  expect(bodies).toEqual(['Bigger, label to camera', 'Will do', null])
})
