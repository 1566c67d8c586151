import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { changedRecordIds, fieldsMap, needsFieldTexts, pathsMap, putRecords, readAllRecords, readRecord, removeRecords, recordsMap } from './boardDoc'

function drawShape(path: string, extra: Record<string, unknown> = {}): TLRecord {
  return {
    id: 'shape:s1',
    typeName: 'shape',
    type: 'draw',
    x: 0,
    y: 0,
    props: { segments: [{ type: 'free', path }], isComplete: false, ...extra },
  } as unknown as TLRecord
}

describe('board doc layout', () => {
  it('round-trips records and keeps growing paths out of the record map', () => {
    const doc = new Y.Doc()
    doc.transact(() => putRecords(doc, [drawShape('AAAABBBB')]))
    expect(readRecord(doc, 'shape:s1')).toEqual(drawShape('AAAABBBB'))
    const stored = recordsMap(doc).get('shape:s1') as unknown as { props: { segments: { path: string }[] } }
    expect(stored.props.segments[0]!.path).toBe('')
    expect(pathsMap(doc).get('shape:s1/0')!.toString()).toBe('AAAABBBB')
  })

  it('sends a growing stroke as small appends, not the whole record', () => {
    const doc = new Y.Doc()
    let path = 'AAAAAAAAAAAAAAAA'
    doc.transact(() => putRecords(doc, [drawShape(path)]))
    let appendBytes = 0
    let wholeBytes = 0
    doc.on('update', (u: Uint8Array) => (appendBytes += u.length))
    for (let i = 0; i < 200; i++) {
      path += 'CDEFGHIJ'
      doc.transact(() => putRecords(doc, [drawShape(path)]))
      wholeBytes += JSON.stringify(drawShape(path)).length
    }
    expect(readRecord(doc, 'shape:s1')).toEqual(drawShape(path))
    expect(appendBytes * 20).toBeLessThan(wholeBytes)
  })

  it('merges concurrent edits from two docs', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u))
    b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u))
    a.transact(() => putRecords(a, [drawShape('AAAA')]))
    b.transact(() => putRecords(b, [drawShape('AAAA', { isComplete: true })]))
    expect(readAllRecords(a)).toEqual(readAllRecords(b))
    a.transact(() => removeRecords(a, ['shape:s1']))
    expect(readAllRecords(b)).toEqual([])
    expect(pathsMap(b).size).toBe(0)
  })

  it('reports which records a transaction changed, including path-only changes', () => {
    const doc = new Y.Doc()
    doc.transact(() => putRecords(doc, [drawShape('AAAA')]))
    const seen: string[][] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push([...changedRecordIds(doc, tr)]))
    doc.transact(() => putRecords(doc, [drawShape('AAAABBBB')]))
    expect(seen.at(-1)).toEqual(['shape:s1'])
  })
})

function shot(props: Record<string, unknown> = {}): TLRecord {
  return {
    id: 'shape:t1',
    typeName: 'shape',
    type: 'shot',
    x: 0,
    y: 0,
    props: { title: 'Rain', action: '', dialogue: 'MARY: Hi.', w: 10, ...props },
  } as unknown as TLRecord
}

describe('typed fields', () => {
  it('stores each typed field as its own text, even empty, and reads the record back whole', () => {
    const doc = new Y.Doc()
    doc.transact(() => putRecords(doc, [shot()]))
    expect(readRecord(doc, 'shape:t1')).toEqual(shot())
    expect(recordsMap(doc).get('shape:t1')).toMatchObject({ props: { title: '', action: '', dialogue: '', w: 10 } })
    expect([...fieldsMap(doc).keys()].sort()).toEqual(['shape:t1/action', 'shape:t1/dialogue', 'shape:t1/title'])
    expect(needsFieldTexts(doc, 'shape:t1')).toBe(false)

    const ids: string[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => ids.push(...changedRecordIds(doc, tr)))
    doc.transact(() => fieldsMap(doc).get('shape:t1/action')!.insert(0, 'She runs.'))
    expect(ids).toEqual(['shape:t1'])
    expect(readRecord(doc, 'shape:t1')).toEqual(shot({ action: 'She runs.' }))

    doc.transact(() => removeRecords(doc, ['shape:t1']))
    expect(fieldsMap(doc).size).toBe(0)
  })

  it('reads a record saved before fields had texts from its own values', () => {
    const doc = new Y.Doc()
    doc.transact(() => recordsMap(doc).set('shape:t1', shot() as never))
    expect(readRecord(doc, 'shape:t1')).toEqual(shot())
    expect(needsFieldTexts(doc, 'shape:t1')).toBe(true)
    doc.transact(() => putRecords(doc, [readRecord(doc, 'shape:t1')!]))
    expect(needsFieldTexts(doc, 'shape:t1')).toBe(false)
    expect(readRecord(doc, 'shape:t1')).toEqual(shot())
  })

  it("writes a writer's own edit from the value it last had, keeping what others typed since", () => {
    const doc = new Y.Doc()
    doc.transact(() => putRecords(doc, [shot({ dialogue: 'Hi.' })]))
    // Someone else's edit the writer has not seen: it still has 'Hi.' and types ' Bye.'.
    doc.transact(() => fieldsMap(doc).get('shape:t1/dialogue')!.insert(0, 'MARY: '))
    doc.transact(() => putRecords(doc, [shot({ dialogue: 'Hi. Bye.' })], (_id, field) => (field === 'dialogue' ? 'Hi.' : undefined)))
    expect(readRecord(doc, 'shape:t1')).toMatchObject({ props: { dialogue: 'MARY: Hi. Bye.' } })
    // The writer's unchanged field is not written, whatever the doc holds.
    doc.transact(() => putRecords(doc, [shot({ dialogue: 'Hi.' })], () => 'Hi.'))
    expect(readRecord(doc, 'shape:t1')).toMatchObject({ props: { dialogue: 'MARY: Hi. Bye.' } })
    // Without the writer's value (the server) the record's value is set.
    doc.transact(() => putRecords(doc, [shot({ dialogue: 'Hi.' })]))
    expect(readRecord(doc, 'shape:t1')).toMatchObject({ props: { dialogue: 'Hi.' } })
  })
})
