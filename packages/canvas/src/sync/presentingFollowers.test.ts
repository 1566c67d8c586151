import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import { announceReviewer } from './reviewerPresence'
import { announceFollowing, announcePresenting, followersOf } from './presentingPresence'
import { connectAwareness } from './testing/connectAwareness'

/** Ada presents; Ben's awareness and a review page's reach her as through the sync server. */
function adaPresenting() {
  const [ada, ben, client] = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc()), new Awareness(new Y.Doc())]
  connectAwareness(ada, ben)
  connectAwareness(ada, client)
  ada.setLocalState({ presence: { userName: 'Ada' } })
  ben.setLocalState({ presence: { userName: ' Ben ' } })
  announcePresenting(ada, { shotId: 'shape:one', view: 'player', playing: false })
  return { ada, ben, client }
}

describe('who follows a presentation', () => {
  it('shows the presenter each team member and review client that follows them, by name, and drops those who stop or leave', () => {
    const { ada, ben, client } = adaPresenting()
    expect(followersOf(ada)).toEqual([])
    announceFollowing(ben, ada.clientID)
    expect(followersOf(ada)).toEqual([{ clientId: ben.clientID, name: 'Ben', client: false }])
    announceReviewer(client, 'Dana')
    announceFollowing(client, ada.clientID)
    expect(followersOf(ada)).toContainEqual({ clientId: client.clientID, name: 'Dana', client: true })
    expect(followersOf(ada)).toHaveLength(2)
    // Ben looks around on his own: he no longer follows.
    announceFollowing(ben, null)
    expect(followersOf(ada).map((f) => f.clientId)).toEqual([client.clientID])
    removeAwarenessStates(client, [client.clientID], 'closed the tab')
    expect(followersOf(ada)).toEqual([])
  })

  it('counts only those who follow this presenter, and ignores a malformed or hostile field', () => {
    const { ada, ben, client } = adaPresenting()
    announceFollowing(ben, ada.clientID + 1)
    expect(followersOf(ada)).toEqual([])
    for (const bad of ['1', -1, 1.5, { id: ada.clientID }, null]) {
      client.setLocalStateField('following', bad)
      expect(followersOf(ada)).toEqual([])
    }
    // A client who typed no name yet, and a team member whose canvas shares none.
    announceReviewer(client, '')
    client.setLocalStateField('following', ada.clientID)
    ben.setLocalState({ following: ada.clientID })
    expect(followersOf(ada)).toEqual(
      [
        { clientId: ben.clientID, name: null, client: false },
        { clientId: client.clientID, name: null, client: true },
      ].sort((a, b) => a.clientId - b.clientId),
    )
    // Nobody is listed as following themselves.
    ada.setLocalStateField('following', ada.clientID)
    expect(followersOf(ada).map((f) => f.clientId)).not.toContain(ada.clientID)
  })

  it('sends nothing when the followed presenter did not change', () => {
    const { ada, ben } = adaPresenting()
    let updates = 0
    ben.on('update', () => updates++)
    announceFollowing(ben, ada.clientID)
    announceFollowing(ben, ada.clientID)
    expect(updates).toBe(1)
  })
})
