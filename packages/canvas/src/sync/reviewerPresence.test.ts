import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import { announceReviewer, reviewersOf } from './reviewerPresence'
import { connectAwareness } from './testing/connectAwareness'

/** A team member's awareness and a reviewer's, connected as through the sync server. */
function teamAndReviewer() {
  const team = new Awareness(new Y.Doc())
  const reviewer = new Awareness(new Y.Doc())
  connectAwareness(team, reviewer)
  return { team, reviewer }
}

describe('reviewer presence', () => {
  it('shows the team a reviewer as soon as the review opens, then by the name they type', () => {
    const { team, reviewer } = teamAndReviewer()
    announceReviewer(reviewer, '   ')
    expect(reviewersOf(team)).toEqual([{ clientId: reviewer.clientID, name: null }])
    announceReviewer(reviewer, ' Carla (client) ')
    expect(reviewersOf(team)).toEqual([{ clientId: reviewer.clientID, name: 'Carla (client)' }])
  })

  it('keeps presence that tldraw shares next to it, and lists nobody who only has that', () => {
    const { team, reviewer } = teamAndReviewer()
    team.setLocalState({ presence: { userName: 'Ada' } })
    reviewer.setLocalState({ presence: null })
    announceReviewer(reviewer, 'Carla')
    expect(reviewer.getLocalState()).toMatchObject({ presence: null, reviewer: { name: 'Carla' } })
    expect(reviewersOf(reviewer)).toEqual([])
  })

  it('forgets a reviewer who left', () => {
    const { team, reviewer } = teamAndReviewer()
    announceReviewer(reviewer, 'Carla')
    removeAwarenessStates(reviewer, [reviewer.clientID], 'closed the tab')
    expect(reviewersOf(team)).toEqual([])
  })

  it('ignores malformed announcements (a name that is not text, or too long)', () => {
    const { team, reviewer } = teamAndReviewer()
    reviewer.setLocalState({ reviewer: { name: 42 } })
    expect(reviewersOf(team)).toEqual([])
    reviewer.setLocalState({ reviewer: { name: 'x'.repeat(500) } })
    expect(reviewersOf(team)).toEqual([])
  })
})
