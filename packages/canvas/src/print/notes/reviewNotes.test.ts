import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationModel } from '../../presentation/presentationShots'
import { notesLinkLabels, reviewNotes, type BoardVerdict } from './reviewNotes'

const page = 'page:p' as TLParentId
const kitchen = createScene({ id: createSceneId('one'), order: 'a1' as IndexKey, name: 'Kitchen' })
const street = createScene({ id: createSceneId('two'), order: 'a2' as IndexKey, name: 'Street' })
const shot = (id: string, sceneId: typeof kitchen.id | null, order: string) =>
  createShotShape({ id: `shape:${id}` as never, parentId: page, index: order as IndexKey, props: { title: id, sceneId, order: order as IndexKey } })
const shots = presentationModel([kitchen, street, shot('loose', null, 'a1'), shot('sip', kitchen.id, 'a2'), shot('alarm', kitchen.id, 'a1'), shot('walk', street.id, 'a1')]).shots

let n = 0
function thread(shotId: string, by: 'reviewer' | 'team', resolved = false): CommentThreadResponse {
  const id = `thread${String(++n).padStart(10, '0')}`
  const author = by === 'reviewer' ? { kind: 'reviewer' as const, shareLinkId: 'link-a', name: 'Kim' } : { kind: 'team' as const, id: 'u1', name: 'Ada' }
  const at = '2026-12-05T03:00:00.000Z'
  return { id, anchor: { kind: 'shot', shotId: `shape:${shotId}` }, resolved, resolvedBy: null, resolvedAt: null, createdAt: at, comments: [{ id: `${id}c`, body: 'note', mentions: [], author, createdAt: at }] }
}
const verdict: BoardVerdict = { shotId: 'shape:walk', verdict: 'approved', reviewerName: 'Lee', createdAt: '2026-12-05T03:00:00.000Z', shareLinkId: 'link-b', linkLabel: 'Round 2' }

const listed = (sections: ReturnType<typeof reviewNotes>) => sections.map((s) => s.shots.map((e) => `${e.shot.number} ${e.shot.title} ${e.threads.length}${e.verdict ? ` ${e.verdict.verdict}` : ''}`))

describe('reviewNotes', () => {
  const threads = [thread('sip', 'reviewer'), thread('alarm', 'team'), thread('loose', 'reviewer', true)]

  it('lists every shot in board order, scenes as the strip orders them and shots in no scene last, with the client’s threads only', () => {
    expect(listed(reviewNotes(shots, threads, [verdict], false))).toEqual([['1.1 alarm 0', '1.2 sip 1'], ['2.1 walk 0 approved'], ['0.1 loose 1']])
  })

  it('keeps only shots with a client thread still open, and the scenes that have one', () => {
    expect(listed(reviewNotes(shots, threads, [verdict], true))).toEqual([['1.2 sip 1']])
  })

  it('names the review links the listed notes came through, each once', () => {
    const links = [{ id: 'link-a', label: 'Round 1' }, { id: 'link-b', label: 'Round 2' }, { id: 'link-c', label: 'Unused' }]
    expect(notesLinkLabels(reviewNotes(shots, threads, [verdict], false), links)).toEqual(['Round 1', 'Round 2'])
    expect(notesLinkLabels(reviewNotes(shots, threads, [verdict], true), links)).toEqual(['Round 1'])
  })
})
