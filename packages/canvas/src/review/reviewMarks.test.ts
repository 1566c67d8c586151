import { expect, it } from 'vitest'
import { reviewMarks } from './reviewMarks'

const none = { verdict: null, verdictBy: null, drawnComments: 0 }

it('marks a shot the client judged with its verdict, and its comments with drawings with a pencil and their count', () => {
  expect(reviewMarks({ verdict: 'changes-requested', verdictBy: 'Kim', drawnComments: 2 })).toEqual({
    verdict: { verdict: 'changes-requested', by: 'Kim' },
    drawings: { count: 2, text: '2 comments with drawings' },
  })
})

it('marks drawings on a shot with no verdict yet, on the canvas badge and the strip card alike', () => {
  expect(reviewMarks({ ...none, drawnComments: 1 })).toEqual({ verdict: null, drawings: { count: 1, text: '1 comment with a drawing' } })
})

it('marks nothing on a shot with neither, nor outside an open board', () => {
  expect(reviewMarks(none)).toEqual({ verdict: null, drawings: null })
  expect(reviewMarks(undefined)).toEqual({ verdict: null, drawings: null })
  expect(reviewMarks({ verdict: 'approved', verdictBy: null, drawnComments: 0 })).toEqual({ verdict: { verdict: 'approved', by: null }, drawings: null })
})
