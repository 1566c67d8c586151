import { describe, expect, it } from 'vitest'
import { pairMovedShots } from './movedShots'
import { wordsOf } from './revisionKeys'

const shot = (text: string) => ({ words: wordsOf(text), key: wordsOf(text).join(' ') })

describe('pairMovedShots', () => {
  it('pairs the same words first, then the most alike at the threshold, each missing shot once', () => {
    const missing = ['Tom stands on the mat.', 'Tom stands dripping on the mat.', 'Gulls wheel overhead.', ''].map(shot)
    const added = ['Tom stands dripping on the rug.', 'Tom stands dripping on the mat.', 'A car speeds past.', 'Tom stands there.', ''].map(shot)
    // The exact one takes "dripping on the mat"; "dripping on the rug" then takes the next most alike.
    expect([...pairMovedShots(missing, added, 0.6)].sort()).toEqual([
      [0, 0],
      [1, 1],
    ])
  })
})
