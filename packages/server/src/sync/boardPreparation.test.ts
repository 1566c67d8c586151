import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, putRecords, readAllRecords, readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { readShotReviews, reviewMap, shotReviewKey } from '@storyloom/shared/review/reviewDoc'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { compareSchema, prepareBoardDoc, seedRecords } from './boardPreparation'

const current = boardSchema.serialize()
const withFrame = (delta: number) => ({
  ...current,
  sequences: { ...current.sequences, 'com.tldraw.shape.frame': current.sequences['com.tldraw.shape.frame']! + delta },
})

describe('compareSchema', () => {
  it('tells older, same and newer schemas apart', () => {
    expect(compareSchema(current)).toBe('same')
    expect(compareSchema(withFrame(-1))).toBe('older')
    expect(compareSchema(withFrame(+1))).toBe('newer')
    expect(compareSchema({ ...current, sequences: { ...current.sequences, 'com.storyloom.future': 0 } })).toBe('newer')
  })
})

describe('prepareBoardDoc', () => {
  it('seeds an empty doc in one transaction, and a second prepare writes nothing', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    expect(prepareBoardDoc(doc, 'server')).toMatchObject({ kind: 'ready', seeded: true })
    expect(readAllRecords(doc).map((r) => r.id).sort()).toEqual(['document:document', 'page:page'])
    expect(metaMap(doc).get('schema')).toEqual(current)
    expect(updates).toHaveLength(1)
    expect(prepareBoardDoc(doc, 'server')).toMatchObject({ kind: 'ready', seeded: false, migrated: false })
    expect(updates).toHaveLength(1)
  })

  it('migrates older records and drops what does not validate', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      putRecords(doc, seedRecords())
      recordsMap(doc).set('shape:f1', {
        id: 'shape:f1', typeName: 'shape', type: 'frame', x: 0, y: 0, rotation: 0, isLocked: false, opacity: 1,
        meta: {}, parentId: 'page:page', index: 'a1', props: { w: 10, h: 10, name: 'old' },
      } as never)
      recordsMap(doc).set('shape:bad', { id: 'shape:bad', typeName: 'shape', x: 'no' } as never)
      recordsMap(doc).set('junk', 7 as never)
      metaMap(doc).set('schema', withFrame(-1))
    })
    const prepared = prepareBoardDoc(doc, 'server')
    expect(prepared).toMatchObject({ kind: 'ready', migrated: true })
    expect(prepared.kind === 'ready' && prepared.dropped.map((p) => p.id).sort()).toEqual(['junk', 'shape:bad'])
    expect(readRecord(doc, 'shape:f1')).toMatchObject({ props: { color: 'black' } })
    expect(recordsMap(doc).has('shape:bad')).toBe(false)
    expect(metaMap(doc).get('schema')).toEqual(current)
  })

  it('leaves a doc written with a newer schema untouched', () => {
    const doc = new Y.Doc()
    doc.transact(() => metaMap(doc).set('schema', withFrame(+1)))
    const before = Y.encodeStateAsUpdate(doc)
    expect(prepareBoardDoc(doc, 'server')).toEqual({ kind: 'newerSchema' })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('cleans reviewer names the review badges kept from before such characters were refused, as migration 0008 cleaned the verdicts', () => {
    const doc = new Y.Doc()
    prepareBoardDoc(doc, 'server')
    const hebrew = 'פרק (2)\u200f'
    const review = reviewMap(doc)
    review.set(shotReviewKey('shape:a'), { openThreads: 1, comments: 2, verdict: 'approved', verdictBy: 'Carla\u202e nimdA\u0007' })
    review.set(shotReviewKey('shape:b'), { openThreads: 0, comments: 0, verdict: 'approved', verdictBy: '\u2066' })
    review.set(shotReviewKey('shape:c'), { openThreads: 0, comments: 1, verdict: 'changes-requested', verdictBy: hebrew })
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))

    prepareBoardDoc(doc, 'server')
    expect(Object.fromEntries(readShotReviews(doc))).toEqual({
      'shape:a': { openThreads: 1, comments: 2, drawnComments: 0, verdict: 'approved', verdictBy: 'Carla nimdA' },
      'shape:b': { openThreads: 0, comments: 0, drawnComments: 0, verdict: 'approved', verdictBy: 'Unnamed' },
      'shape:c': { openThreads: 0, comments: 1, drawnComments: 0, verdict: 'changes-requested', verdictBy: hebrew },
    })
    expect(updates).toHaveLength(1)
    prepareBoardDoc(doc, 'server')
    expect(updates).toHaveLength(1)
  })
})

