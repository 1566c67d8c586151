import { describe, expect, it } from 'vitest'
import { alignInOrder, type AlignmentStep } from './alignInOrder'

const byKey = { key: (item: string) => item }
const pairs = (steps: readonly AlignmentStep[]) => steps.flatMap((step) => (step.kind === 'both' ? [[step.old, step.new]] : []))

describe('alignInOrder', () => {
  it('matches repeated keys in order and puts what only one side has in its place', () => {
    expect(alignInOrder(['a', 'b', 'a', 'c'], ['a', 'x', 'b', 'a', 'c'], byKey)).toEqual([
      { kind: 'both', old: 0, new: 0 },
      { kind: 'new', new: 1 },
      { kind: 'both', old: 1, new: 2 },
      { kind: 'both', old: 2, new: 3 },
      { kind: 'both', old: 3, new: 4 },
    ])
  })

  it('never matches an empty key, and lists old items before new ones where both changed', () => {
    expect(alignInOrder(['', 'b'], ['', 'b'], byKey)).toEqual([
      { kind: 'old', old: 0 },
      { kind: 'new', new: 0 },
      { kind: 'both', old: 1, new: 1 },
    ])
  })

  it('pairs items left between exact matches by similarity, in order', () => {
    const similar = (a: string, b: string) => a[0] === b[0]
    expect(pairs(alignInOrder(['a', 'p1', 'q1', 'z'], ['a', 'p2', 'r', 'q2', 'z'], { ...byKey, similar }))).toEqual([
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 4],
    ])
  })

  it('still matches in order when the two differ past what the exact diff takes on', () => {
    const olds = Array.from({ length: 3000 }, (_, i) => (i % 1000 === 0 ? `keep${i}` : `old${i}`))
    const news = Array.from({ length: 3000 }, (_, i) => (i % 1000 === 0 ? `keep${i}` : `new${i}`))
    expect(pairs(alignInOrder(olds, news, byKey))).toEqual([
      [0, 0],
      [1000, 1000],
      [2000, 2000],
    ])
  })
})
