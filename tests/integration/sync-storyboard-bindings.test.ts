import { describe, expect, it } from 'vitest'
import { readRecord, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { useSyncTestServer } from '../support/syncTestServer'
import { revertedRecordIds as revertedIds, waitFor, writeRecords as write, type SyncClient } from '../support/syncClient'
import { bindingRecord, frameShape, imageShape, motionShape, shotShape } from '../support/boardFixtures'

const t = useSyncTestServer()

function reasonFor(client: SyncClient, id: string): string | undefined {
  for (const n of client.notices) {
    if (n.code !== NoticeCode.recordReverted) continue
    const found = n.records.find((r) => r.id === id)
    if (found) return found.reason
  }
  return undefined
}

/** Two synced people on a new board with a shot, an image and a motion shape on its page. */
async function boardWithShot() {
  const { a: writer, b: other, page: { id: page } } = await t.twoClientsOnBoard()
  write(writer, shotShape('shot', page), imageShape('still', page), motionShape('move', page), frameShape('box', page))
  await waitFor(() => readRecord(other.doc, 'shape:box'), { what: 'shapes arrive' })
  return { writer, other, page }
}

describe('references and annotations on the server', () => {
  it('accepts a reference and an annotation pinned to a shot, and a shot arriving with its annotation', async () => {
    const { writer, other, page } = await boardWithShot()
    write(writer, bindingRecord('ref', 'reference', 'still', 'shot', { role: 'character' }), bindingRecord('ann', 'annotation', 'move', 'shot'))
    // A new shot and its camera move in one batch, as the canvas writes them.
    write(writer, shotShape('shot2', page), motionShape('move2', page), bindingRecord('ann2', 'annotation', 'move2', 'shot2'))
    await waitFor(() => readRecord(other.doc, 'binding:ann2'), { what: 'bindings arrive' })
    expect(readRecord(other.doc, 'binding:ref')).toMatchObject({ props: { role: 'character' } })
    expect(readRecord(other.doc, 'binding:ann')).toBeDefined()
    expect(writer.notices).toEqual([])
  })

  it('refuses an unknown role, a reference to a non-shot or from a non-reference, and an annotation on a missing shot', async () => {
    const { writer, other, page } = await boardWithShot()
    write(writer, bindingRecord('role', 'reference', 'still', 'shot', { role: 'mood' }))
    write(writer, bindingRecord('tobox', 'reference', 'still', 'box', { role: 'style' }))
    write(writer, bindingRecord('frombox', 'reference', 'box', 'shot', { role: 'style' }))
    write(writer, bindingRecord('missing', 'annotation', 'move', 'nowhere'))

    await waitFor(() => revertedIds(writer).length >= 4, { what: 'four refusals' })
    expect(revertedIds(writer).sort()).toEqual(['binding:frombox', 'binding:missing', 'binding:role', 'binding:tobox'])
    expect(reasonFor(writer, 'binding:role')).toMatch(/mood/)
    expect(reasonFor(writer, 'binding:tobox')).toMatch(/not a shot/)
    expect(reasonFor(writer, 'binding:frombox')).toMatch(/image, clip or link/)
    expect(reasonFor(writer, 'binding:missing')).toMatch(/not a shot on this board/)

    // Nobody keeps them, and what was valid before is untouched.
    write(writer, { ...imageShape('sentinel', page) })
    await waitFor(() => readRecord(other.doc, 'shape:sentinel'), { what: 'sentinel arrives' })
    for (const id of ['binding:role', 'binding:tobox', 'binding:frombox', 'binding:missing']) {
      expect(readRecord(other.doc, id)).toBeUndefined()
      expect(readRecord(writer.doc, id)).toBeUndefined()
    }
    expect(readRecord(other.doc, 'shape:shot')).toBeDefined()
    expect(other.notices).toEqual([])
  })

  it('puts back a reference whose role is changed to an impossible one', async () => {
    const { writer, other } = await boardWithShot()
    write(writer, bindingRecord('ref', 'reference', 'still', 'shot', { role: 'location' }))
    await waitFor(() => readRecord(other.doc, 'binding:ref'), { what: 'reference arrives' })
    write(writer, bindingRecord('ref', 'reference', 'still', 'shot', { role: 'villain' }))
    await waitFor(() => revertedIds(writer).includes('binding:ref'), { what: 'refusal' })
    await waitFor(() => (readRecord(writer.doc, 'binding:ref') as { props?: { role?: string } })?.props?.role === 'location', {
      what: 'the writer gets the saved role back',
    })
    expect(readRecord(other.doc, 'binding:ref')).toMatchObject({ props: { role: 'location' } })
  })

  it('removes a reference left pointing at a shot that someone else deleted', async () => {
    const { writer, other } = await boardWithShot()
    write(writer, bindingRecord('ref', 'reference', 'still', 'shot', { role: 'style' }))
    await waitFor(() => readRecord(other.doc, 'binding:ref'), { what: 'reference arrives' })
    // `other` deletes the shot without knowing of (or removing) the binding, as a concurrent edit would.
    other.doc.transact(() => removeRecords(other.doc, ['shape:shot']))
    await waitFor(() => !readRecord(writer.doc, 'binding:ref') && !readRecord(other.doc, 'binding:ref'), {
      what: 'dangling reference removed everywhere',
    })
    expect(readRecord(writer.doc, 'shape:still')).toBeDefined()
    expect(other.notices).toEqual([])
  })
})
