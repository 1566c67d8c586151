import { describe, expect, it } from 'vitest'
import { followersSummary } from './followersSummary'

const ben = { clientId: 1, name: 'Ben', client: false }
const dana = { clientId: 2, name: 'Dana', client: true }

describe("the presenter's followers summary", () => {
  it('counts the followers and names each, clients marked, nameless ones described', () => {
    expect(followersSummary([])).toEqual({ count: 'nobody following', detail: expect.stringMatching(/^Nobody follows you now/) })
    expect(followersSummary([ben])).toEqual({ count: '1 following', detail: 'Followed by Ben' })
    expect(followersSummary([ben, dana])).toEqual({ count: '2 following', detail: 'Followed by Ben and Dana (client)' })
    expect(followersSummary([ben, { clientId: 3, name: null, client: false }, { clientId: 4, name: null, client: true }, dana]).detail).toBe(
      'Followed by Ben, someone, a client on a review link and Dana (client)',
    )
  })

  it('offline, says nobody sees the steps rather than counting the followers last known', () => {
    expect(followersSummary([ben, dana], false)).toEqual({ count: 'offline: nobody sees your steps', detail: expect.stringMatching(/^Your connection is down/) })
  })
})
