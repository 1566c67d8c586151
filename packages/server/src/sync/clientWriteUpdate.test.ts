import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { addsOnlyUserRecords } from './clientWriteUpdate'

/** The server's doc holding a page, and a client's copy of it; `write` returns the client's update. */
function serverAndClient() {
  const server = new Y.Doc()
  recordsMap(server).set('page:a', { id: 'page:a', typeName: 'page' } as never)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const write = (change: (records: Y.Map<unknown>) => void): Uint8Array => {
    let update: Uint8Array | undefined
    const keep = (u: Uint8Array) => (update = u)
    client.on('update', keep)
    client.transact(() => change(recordsMap(client) as Y.Map<unknown>))
    client.off('update', keep)
    return update!
  }
  return { server, client, write }
}

const user = { id: 'user:me', typeName: 'user', name: 'Me', color: '#000', imageUrl: '', meta: {} }

describe('addsOnlyUserRecords', () => {
  it('is true for a new user record only: what a canvas writes by itself on opening', () => {
    const { server, client, write } = serverAndClient()
    expect(addsOnlyUserRecords(server, write((records) => records.set('user:me', user)))).toBe(true)
    // The whole local state, as a reconnecting client's step 2 sends it: only the user record is new.
    expect(addsOnlyUserRecords(server, Y.encodeStateAsUpdate(client))).toBe(true)
  })

  it('is false for any other change: another record, a replaced value, a deletion, nothing at all', () => {
    const { server, write } = serverAndClient()
    expect(addsOnlyUserRecords(server, write((records) => records.set('page:b', { id: 'page:b' })))).toBe(false)
    const fresh = serverAndClient()
    Y.applyUpdate(fresh.server, fresh.write((records) => records.set('user:me', user)))
    expect(addsOnlyUserRecords(fresh.server, fresh.write((records) => records.set('user:me', { ...user, name: 'Renamed' })))).toBe(false)
    expect(addsOnlyUserRecords(fresh.server, fresh.write((records) => records.delete('page:a')))).toBe(false)
    expect(addsOnlyUserRecords(fresh.server, Y.encodeStateAsUpdate(fresh.server))).toBe(false)
  })
})
