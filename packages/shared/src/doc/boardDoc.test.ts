import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { changedRecordIds, pathsMap, putRecords, readAllRecords, readRecord, removeRecords, recordsMap } from './boardDoc'

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
