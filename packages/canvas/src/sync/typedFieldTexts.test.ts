import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fieldsMap, putRecords, readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { bindStoreToDoc } from './bindStoreToDoc'
import { PAGE_ID, boardStore, seededDoc } from './testing/boardFixtures'
import { batchStoreListenersByFrame, endFrame } from './testing/frames'

/**
 * Typed fields (a shot's title, action, dialogue; a scene's name, slugline, location) as this
 * client writes them to the doc and applies others' edits of them: as texts of their own.
 */

batchStoreListenersByFrame()

const shotId = 'shape:typed' as TLShotShape['id']

/** A client bound to a doc holding one shot, and a second doc — another person — relayed to it on demand. */
function clientAndOther(props: Partial<TLShotShape['props']> = {}) {
  const doc = seededDoc()
  doc.transact(() => putRecords(doc, [createShotShape({ id: shotId, parentId: PAGE_ID, index: 'a1' as never, props })]))
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  const store = boardStore()
  const refused: string[] = []
  bindStoreToDoc(store, doc, { onRecordError: (id) => refused.push(id) })
  /** What `other` wrote since the last delivery, delivered to the client as one update. */
  const deliver = () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'wire')
  const shown = () => (store.get(shotId) as TLShotShape).props
  const inDoc = () => (readRecord(doc, shotId) as TLShotShape).props
  const type = (field: 'title' | 'dialogue', edit: (text: string) => string) =>
    store.update(shotId, (r) => {
      const s = r as TLShotShape
      return { ...s, props: { ...s.props, [field]: edit(s.props[field]) } }
    })
  return { doc, other, store, refused, deliver, shown, inDoc, type }
}

describe('typed fields as texts of their own', () => {
  it('writes a keystroke as a small text insert, with the record value holding the field empty', () => {
    const { doc, store, type, inDoc } = clientAndOther({ dialogue: 'MARY: You came back.' })
    let bytes = 0
    doc.on('update', (u: Uint8Array) => (bytes += u.length))
    type('dialogue', (d) => d + '!')
    endFrame(store)
    expect(inDoc().dialogue).toBe('MARY: You came back.!')
    expect(fieldsMap(doc).get(`${shotId}/dialogue`)!.toString()).toBe('MARY: You came back.!')
    expect((recordsMap(doc).get(shotId) as unknown as TLShotShape).props.dialogue).toBe('')
    expect(bytes).toBeLessThan(60)
  })

  it("shows another person's edit of a field at once, keeping this client's keystroke that waits for its frame", () => {
    const { other, store, type, deliver, shown, inDoc } = clientAndOther({ dialogue: 'You came back.' })
    type('dialogue', (d) => d + ' At last.')
    fieldsMap(other).get(`${shotId}/dialogue`)!.insert(0, 'MARY: ')
    deliver()
    expect(shown().dialogue).toBe('MARY: You came back. At last.')
    endFrame(store)
    expect(inDoc().dialogue).toBe('MARY: You came back. At last.')
  })

  it("keeps this client's waiting keystroke in its place when several people's edits of the field arrive in one update", () => {
    // One stretch of the old text cannot describe edits at both ends around this client's:
    // the text's own change (the Yjs delta) places it.
    const { other, store, type, deliver, shown, inDoc } = clientAndOther({ dialogue: 'a|b' })
    type('dialogue', (d) => d.replace('|', '|X'))
    const text = fieldsMap(other).get(`${shotId}/dialogue`)!
    other.transact(() => {
      text.insert(0, 'START ')
      text.insert(text.length, ' END')
    })
    deliver()
    expect(shown().dialogue).toBe('START a|Xb END')
    endFrame(store)
    expect(inDoc().dialogue).toBe('START a|Xb END')
  })

  it("writes only its own keystroke, never undoing an edit its store could not show (the record was refused)", () => {
    const { other, store, refused, type, deliver, shown, inDoc } = clientAndOther({ title: 'Kitchen' })
    // Another person's write of the shot that this store refuses (a zero width), with a title edit in it.
    other.transact(() => {
      const s = readRecord(other, shotId) as TLShotShape
      putRecords(other, [{ ...s, props: { ...s.props, w: 0, title: 'Dark kitchen' } }])
    })
    deliver()
    expect(refused).toEqual([shotId])
    expect(shown().title).toBe('Kitchen')
    // This person types on: measured from the doc's text, their value would delete "Dark ".
    type('title', (t) => t + ' at night')
    endFrame(store)
    expect(inDoc().title).toBe('Dark kitchen at night')
  })
})
