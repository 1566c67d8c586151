import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedRecordIds, metaMap, pathsMap, putRecords, readAllRecords, readRecord, recordsMap, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { applyRepair, RecordGuard, type BoardRecord } from './recordGuard'
import { seedRecords } from './boardPreparation'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'

const frame = (x: unknown = 0) =>
  ({
    id: 'shape:f1', typeName: 'shape', type: 'frame', x, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {},
    parentId: 'page:page', index: 'a1', props: { w: 160, h: 90, name: 'Shot', color: 'black' },
  }) as unknown as BoardRecord

/** A seeded doc with a valid frame, its guard, and a helper that runs one "client" transaction through it. */
function setup() {
  const doc = new Y.Doc()
  doc.transact(() => {
    putRecords(doc, [...seedRecords(), frame()])
    metaMap(doc).set('schema', { schemaVersion: 2, sequences: {} })
  })
  const guard = new RecordGuard(doc, readAllRecords(doc))
  const client = Symbol('client')
  const clientWrite = (change: () => void) => {
    const ids = new Set<string>()
    const meta = new Set<string>()
    const collect = (tr: Y.Transaction) => {
      if (tr.origin !== client) return
      for (const id of changedRecordIds(doc, tr)) ids.add(id)
      for (const key of tr.changed.get(metaMap(doc) as never) ?? []) if (key !== null) meta.add(key)
    }
    doc.on('afterTransaction', collect)
    doc.transact(change, client)
    doc.off('afterTransaction', collect)
    const repair = guard.check(doc, ids, meta)
    if (repair) doc.transact(() => applyRepair(doc, repair))
    return repair
  }
  return { doc, clientWrite }
}

describe('RecordGuard', () => {
  it('accepts valid changes and keeps them as the new known-good state', () => {
    const { doc, clientWrite } = setup()
    expect(clientWrite(() => putRecords(doc, [frame(10)]))).toBeUndefined()
    expect(clientWrite(() => putRecords(doc, [frame('abc')]))?.problems.map((p) => p.id)).toEqual(['shape:f1'])
    expect(readRecord(doc, 'shape:f1')).toMatchObject({ x: 10 })
  })

  it('puts a board\'s soundtrack back when a client writes one that is not a file of the board', () => {
    const { doc, clientWrite } = setup()
    const soundtrack = { src: `/api/boards/${'b'.repeat(16)}/assets/${'c'.repeat(64)}`, mimeType: 'audio/wav', name: 'scratch VO.wav', duration: 8, startAt: 1.5 } as const
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrack }) as never]))).toBeUndefined()
    for (const hostile of [
      { ...soundtrack, src: 'javascript:alert(1)' },
      { ...soundtrack, src: 'https://tracker.example/ping.mp3' },
      { ...soundtrack, duration: -3 },
      { ...soundtrack, startAt: Number.POSITIVE_INFINITY },
      { ...soundtrack, mimeType: 'text/html' },
      { ...soundtrack, name: { toString: 'x' } },
    ]) {
      const repair = clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrack: hostile as never }) as never]))
      expect(repair?.problems).toEqual([{ id: 'board_settings:board', reason: expect.stringContaining('soundtrack') }])
      expect(readRecord(doc, 'board_settings:board')).toMatchObject({ soundtrack })
    }
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrack: null }) as never]))).toBeUndefined()
    expect(readRecord(doc, 'board_settings:board')).toMatchObject({ soundtrack: null })
  })

  it('puts a board\'s frame guides back when a client writes a choice that is not one', () => {
    const { doc, clientWrite } = setup()
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ frameGuides: 'thirds' }) as never]))).toBeUndefined()
    for (const hostile of ['golden-spiral', '', 42, null, { toString: 'thirds' }, ['safe'], 'x'.repeat(100_000)]) {
      const repair = clientWrite(() => putRecords(doc, [createBoardSettings({ frameGuides: hostile as never }) as never]))
      expect(repair?.problems).toEqual([{ id: 'board_settings:board', reason: expect.stringContaining('frameGuides') }])
      expect(readRecord(doc, 'board_settings:board')).toMatchObject({ frameGuides: 'thirds' })
    }
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ frameGuides: 'thirds-safe' }) as never]))).toBeUndefined()
    expect(readRecord(doc, 'board_settings:board')).toMatchObject({ frameGuides: 'thirds-safe' })
  })

  it('puts a shot\'s reframing back when a client writes one that would show an edge or is not numbers', () => {
    const { doc, clientWrite } = setup()
    const reframed = (pictureFraming: unknown) => createShotShape({ id: 'shape:s1' as never, parentId: 'page:page' as never, index: 'a2' as never, props: { pictureFraming: pictureFraming as never } })
    const kept = { zoom: 2, x: 0.25, y: 0.75 }
    expect(clientWrite(() => putRecords(doc, [reframed(kept) as never]))).toBeUndefined()
    for (const hostile of [
      { zoom: Number.NaN, x: 0.5, y: 0.5 },
      { zoom: -1, x: 0.5, y: 0.5 },
      { zoom: 0.5, x: 0.5, y: 0.5 },
      { zoom: 1e308, x: 0.5, y: 0.5 },
      { zoom: 2, x: Number.NEGATIVE_INFINITY, y: 0.5 },
      { zoom: 2, x: 0.5, y: 2 },
      { zoom: '2', x: 0.5, y: 0.5 },
      { zoom: 2, x: 0.5 },
      { zoom: 2, x: 0.5, y: 0.5, script: 'x'.repeat(100_000) },
      'zoom:2',
      [2, 0.5, 0.5],
    ]) {
      const repair = clientWrite(() => putRecords(doc, [reframed(hostile) as never]))
      expect(repair?.problems).toEqual([{ id: 'shape:s1', reason: expect.stringContaining('pictureFraming') }])
      expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { pictureFraming: kept } })
    }
    expect(clientWrite(() => putRecords(doc, [reframed(null) as never]))).toBeUndefined()
    expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { pictureFraming: null } })
  })

  it('puts a shot\'s sound back when a client writes one from elsewhere, of no length, or not audio', () => {
    const { doc, clientWrite } = setup()
    const voiced = (sound: unknown) => createShotShape({ id: 'shape:s1' as never, parentId: 'page:page' as never, index: 'a2' as never, props: { sound: sound as never } })
    const kept = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav', name: 'line-12.wav', duration: 2.4 }
    expect(clientWrite(() => putRecords(doc, [voiced(kept) as never]))).toBeUndefined()
    for (const hostile of [
      { ...kept, src: 'https://evil.example/line.wav' },
      { ...kept, src: 'data:audio/wav;base64,UklGRg==' },
      { ...kept, src: 'javascript:alert(1)' },
      { ...kept, mimeType: 'text/html' },
      { ...kept, duration: Number.NaN },
      { ...kept, duration: -1 },
      { ...kept, duration: Number.POSITIVE_INFINITY },
      { ...kept, name: 'x'.repeat(100_000) },
      { ...kept, autoplay: true },
      kept.src,
    ]) {
      const repair = clientWrite(() => putRecords(doc, [voiced(hostile) as never]))
      expect(repair?.problems).toEqual([{ id: 'shape:s1', reason: expect.stringContaining('sound') }])
      expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { sound: kept } })
    }
    expect(clientWrite(() => putRecords(doc, [voiced(null) as never]))).toBeUndefined()
    expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { sound: null } })
  })

  it('puts a shot\'s assignee back when a client writes one that is not an account id', () => {
    const { doc, clientWrite } = setup()
    const assigned = (assigneeId: unknown) => createShotShape({ id: 'shape:s1' as never, parentId: 'page:page' as never, index: 'a2' as never, props: { assigneeId: assigneeId as never } })
    expect(clientWrite(() => putRecords(doc, [assigned('Xk3_9aQ-ZpL2mN0r') as never]))).toBeUndefined()
    for (const hostile of ['', 'x'.repeat(100_000), 'ben\u202Enimda', '<script>alert(1)</script>', 'ada lovelace', 42, { id: 'ada' }, ['ada'], true]) {
      const repair = clientWrite(() => putRecords(doc, [assigned(hostile) as never]))
      expect(repair?.problems).toEqual([{ id: 'shape:s1', reason: expect.stringContaining('assigneeId') }])
      expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { assigneeId: 'Xk3_9aQ-ZpL2mN0r' } })
    }
    expect(clientWrite(() => putRecords(doc, [assigned(null) as never]))).toBeUndefined()
    expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { assigneeId: null } })
  })

  it('puts a shot\'s sound volume back when a client writes one out of range, not a number, or missing', () => {
    const { doc, clientWrite } = setup()
    const sound = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav', name: 'line-12.wav', duration: 2.4 }
    const levelled = (soundVolume: unknown) => createShotShape({ id: 'shape:s1' as never, parentId: 'page:page' as never, index: 'a2' as never, props: { sound: sound as never, soundVolume: soundVolume as never } })
    expect(clientWrite(() => putRecords(doc, [levelled(0.4) as never]))).toBeUndefined()
    for (const hostile of [1.5, -0.2, 100, Number.NaN, Number.POSITIVE_INFINITY, '0.4', null, { gain: 0.4 }, [0.4], true, undefined]) {
      const repair = clientWrite(() => putRecords(doc, [levelled(hostile) as never]))
      expect(repair?.problems).toEqual([{ id: 'shape:s1', reason: expect.stringContaining('soundVolume') }])
      expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { soundVolume: 0.4 } })
    }
    expect(clientWrite(() => putRecords(doc, [levelled(0) as never]))).toBeUndefined()
    expect(readRecord(doc, 'shape:s1')).toMatchObject({ props: { soundVolume: 0 } })
  })

  it('puts the soundtrack\'s ducking back when a client writes an amount that is not one of the choices', () => {
    const { doc, clientWrite } = setup()
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrackDucking: 6 }) as never]))).toBeUndefined()
    for (const hostile of [-6, 60, 12.5, '12', null, Number.NaN, { valueOf: () => 12 }, [18]]) {
      const repair = clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrackDucking: hostile as never }) as never]))
      expect(repair?.problems).toEqual([{ id: 'board_settings:board', reason: expect.stringContaining('soundtrackDucking') }])
      expect(readRecord(doc, 'board_settings:board')).toMatchObject({ soundtrackDucking: 6 })
    }
    expect(clientWrite(() => putRecords(doc, [createBoardSettings({ soundtrackDucking: 0 }) as never]))).toBeUndefined()
    expect(readRecord(doc, 'board_settings:board')).toMatchObject({ soundtrackDucking: 0 })
  })

  it('removes an invalid record that never had a valid state', () => {
    const { doc, clientWrite } = setup()
    const repair = clientWrite(() => recordsMap(doc).set('camera:c', { id: 'camera:c', typeName: 'camera' } as never))
    expect(repair?.problems).toEqual([{ id: 'camera:c', reason: expect.stringContaining('camera') }])
    expect(recordsMap(doc).has('camera:c')).toBe(false)
  })

  it('refuses values that are not records, and records stored under another id', () => {
    const { doc, clientWrite } = setup()
    expect(clientWrite(() => recordsMap(doc).set('shape:n', null as never))?.remove).toEqual(['shape:n'])
    expect(clientWrite(() => recordsMap(doc).set('shape:f1', { ...frame(), id: 'shape:other' } as never))?.restore).toHaveLength(1)
    expect(readRecord(doc, 'shape:f1')).toMatchObject({ id: 'shape:f1' })
    expect(recordsMap(doc).has('shape:n')).toBe(false)
  })

  it('restores the document record and the last page when a client deletes them', () => {
    const { doc, clientWrite } = setup()
    const repair = clientWrite(() => removeRecords(doc, ['document:document', 'page:page']))
    expect(repair?.problems.map((p) => p.id).sort()).toEqual(['document:document', 'page:page'])
    expect(readRecord(doc, 'document:document')).toBeDefined()
    expect(readRecord(doc, 'page:page')).toBeDefined()
    // A page that is not the last one can go.
    clientWrite(() => putRecords(doc, [{ id: 'page:p2', typeName: 'page', name: 'P2', index: 'a2', meta: {} } as never]))
    expect(clientWrite(() => removeRecords(doc, ['page:page']))).toBeUndefined()
  })

  it('refuses path entries that are not text and restores server-owned meta', () => {
    const { doc, clientWrite } = setup()
    const draw = {
      ...frame(), id: 'shape:d1', type: 'draw',
      props: { color: 'black', fill: 'none', dash: 'draw', size: 'm', segments: [{ type: 'free', path: 'AAAA' }], isComplete: true, isClosed: false, isPen: false, scale: 1, scaleX: 1, scaleY: 1 },
    } as unknown as BoardRecord
    expect(clientWrite(() => putRecords(doc, [draw]))).toBeUndefined()
    const repair = clientWrite(() => pathsMap(doc).set('shape:d1/0', 42 as never))
    expect(repair?.problems.map((p) => p.id)).toEqual(['shape:d1'])
    expect(pathsMap(doc).get('shape:d1/0')?.toString()).toBe('AAAA')

    expect(clientWrite(() => metaMap(doc).set('schema', 'mine'))?.problems[0]?.id).toBe('meta/schema')
    expect(metaMap(doc).get('schema')).toEqual({ schemaVersion: 2, sequences: {} })
    clientWrite(() => metaMap(doc).set('extra', 1))
    expect(metaMap(doc).has('extra')).toBe(false)
  })
})

describe('RecordGuard: references and annotations', () => {
  const shot = () => createShotShape({ id: 'shape:shot' as never, parentId: 'page:page' as never, index: 'a2' as never }) as unknown as BoardRecord
  const image = () =>
    ({
      id: 'shape:img', typeName: 'shape', type: 'image', x: 400, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {},
      parentId: 'page:page', index: 'a3',
      props: { w: 120, h: 80, playing: true, url: '', assetId: null, crop: null, flipX: false, flipY: false, altText: '' },
    }) as unknown as BoardRecord
  const reference = (toId: string, role = 'character') =>
    ({ id: 'binding:ref', typeName: 'binding', type: 'reference', fromId: 'shape:img', toId, props: { role }, meta: {} }) as unknown as BoardRecord

  it('accepts a shot and its reference arriving in one batch, and refuses one pinned to a frame', () => {
    const { doc, clientWrite } = setup()
    expect(clientWrite(() => putRecords(doc, [shot(), image(), reference('shape:shot')]))).toBeUndefined()
    const repair = clientWrite(() => putRecords(doc, [reference('shape:f1')]))
    expect(repair?.problems).toEqual([{ id: 'binding:ref', reason: expect.stringMatching(/not a shot/) }])
    // Put back as it was: still pinned to the shot.
    expect(readRecord(doc, 'binding:ref')).toMatchObject({ toId: 'shape:shot' })
  })

  it('removes, without blaming anyone, a reference left pointing at a shot that was deleted', () => {
    const { doc, clientWrite } = setup()
    clientWrite(() => putRecords(doc, [shot(), image(), reference('shape:shot')]))
    const repair = clientWrite(() => removeRecords(doc, ['shape:shot']))
    expect(repair).toMatchObject({ problems: [], remove: ['binding:ref'] })
    expect(readRecord(doc, 'binding:ref')).toBeUndefined()
    expect(readRecord(doc, 'shape:img')).toBeDefined()
  })
})
