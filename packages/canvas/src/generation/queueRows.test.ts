import { describe, expect, it } from 'vitest'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { queueOrderNote } from './queueRows'
import { generationView } from './testing/generationView'

const ana = { id: 'u1', name: 'Ana' }
const ben = { id: 'u2', name: 'Ben' }
const running = (id: string, by = ana): GenerationView => generationView(id, { status: 'running', position: null, requestedBy: by })
const queued = (id: string, position: number, by = ana): GenerationView => generationView(id, { position, requestedBy: by })

describe('queueOrderNote', () => {
  it('says nothing while nothing waits', () => {
    expect(queueOrderNote([])).toBeNull()
    expect(queueOrderNote([running('a'), running('b', ben)])).toBeNull()
  })

  it('says nothing when one person’s generations wait in the order they were started, on this board alone', () => {
    expect(queueOrderNote([running('a'), queued('b', 1), queued('c', 2)])).toBeNull()
  })

  it('explains the turns when several people’s generations are on the board', () => {
    expect(queueOrderNote([running('a'), queued('b', 1, ben), queued('c', 2)])).toBe(
      'People take turns: someone’s one generation can start before another’s batch.',
    )
  })

  it('explains places that skip: other boards’ generations wait in the same queue (and take turns with these)', () => {
    expect(queueOrderNote([queued('b', 3), queued('c', 7)])).toBe(
      'Places count the queue every board shares. People take turns: someone’s one generation can start before another’s batch.',
    )
  })
})
