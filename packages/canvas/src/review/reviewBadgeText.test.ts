import { expect, it } from 'vitest'
import { commentThreadsText, drawnCommentsText, shotReviewBadgeTitle } from './reviewBadgeText'

it('says how many of a shot’s comments carry a drawing, nothing when none do', () => {
  expect([0, 1, 3].map(drawnCommentsText)).toEqual([null, '1 comment with a drawing', '3 comments with drawings'])
})

it('titles a shot’s badge with its open threads, its drawings and its verdict', () => {
  const summary = { openThreads: 2, comments: 5, drawnComments: 0, verdict: null, verdictBy: null }
  expect(shotReviewBadgeTitle(summary)).toBe('2 open comment threads')
  expect(shotReviewBadgeTitle({ ...summary, drawnComments: 1, verdict: 'approved', verdictBy: 'Kim' })).toBe('2 open comment threads · 1 comment with a drawing · Approved by \u2068Kim\u2069')
  expect(shotReviewBadgeTitle({ ...summary, openThreads: 0, drawnComments: 2 })).toBe('5 comments, all resolved · 2 comments with drawings')
})

it('says where a shot’s discussion stands: its open threads, else that all its comments are resolved; nothing without comments', () => {
  const counts = (openThreads: number, comments: number) => commentThreadsText({ openThreads, comments })
  expect([counts(1, 1), counts(2, 5), counts(0, 1), counts(0, 4), counts(0, 0)]).toEqual([
    '1 open comment thread',
    '2 open comment threads',
    '1 comment, resolved',
    '4 comments, all resolved',
    null,
  ])
})
