import { describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId } from '@tldraw/tlschema'
import type { TLParentId, TLRecord, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createBoardSettings } from './boardSettingsRecord'
import { createScene, createSceneId } from './sceneRecord'
import type { SceneId } from './sceneRecord'
import { exportShotPlan, planOrderedAfterBoard, serializeShotPlan, shotPlanToRecords } from './shotPlan'
import type { ShotPlan } from './shotPlan'
import { parseShotPlan } from './shotPlanSchema'
import { boardSequence } from './boardSequence'
import { createShotShape } from './shotShape'
import type { ShotShapeProps, TLShotShape } from './shotShape'
import { validateRecord } from '../schema/testing/validateRecord'

const page = PageRecordType.create({ id: PageRecordType.createId('main'), name: 'Page 1', index: 'a1' as IndexKey })
const parentId = page.id as TLParentId
const chase = createScene({ id: createSceneId('chase'), order: 'a2' as IndexKey, name: 'The chase', timeOfDay: 'night', color: 'red' })
const opening = createScene({
  id: createSceneId('opening'),
  order: 'a1' as IndexKey,
  name: 'Opening',
  slugline: 'EXT. HARBOUR – DAWN',
  location: 'Harbour',
})

function shotOf(id: string, index: string, props: Partial<ShotShapeProps>, x = 0, y = 0): TLShotShape {
  return { ...createShotShape({ id: createShapeId(id), parentId, index: index as IndexKey, x, y, props }), rotation: 0.1, meta: { note: 'kept' } }
}

const shots = [
  shotOf('c1', 'a5', { sceneId: chase.id, order: 'a1' as IndexKey, title: 'Car skids', duration: 1.5 }, 900, 0),
  shotOf('o2', 'a2', {
    sceneId: opening.id,
    order: 'a2' as IndexKey,
    title: 'Boat, "Marie", arrives',
    dialogue: 'MARIE (V.O.): Home,\nat last.',
    camera: { shotSize: 'ews', angle: 'high', lensMm: 24, movement: 'crane-down' },
    media: { assetId: 'asset:img1' as never, src: '/api/boards/b/assets/img1', kind: 'image', model: 'storyloom-tiny' },
    activeVersionId: 'v1',
    status: 'approved',
    transitionIn: 'fade',
    transitionInSeconds: 1.5,
    pictureFraming: { zoom: 2.5, x: 0.2, y: 0.75 },
    sound: { src: `/api/boards/BoardBoardBoard0/assets/${'c'.repeat(64)}`, mimeType: 'audio/mpeg', name: 'marie-vo.mp3', duration: 4.2 },
    assigneeId: 'ben_account_id01',
    soundVolume: 0.4,
  }),
  shotOf('o1', 'a3', {
    sceneId: opening.id,
    order: 'a1' as IndexKey,
    media: { assetId: 'asset:clip' as never, src: 'https://cdn.example.com/clip.mp4', kind: 'video' },
  }),
  shotOf('loose', 'a4', { sceneId: null, order: 'a1' as IndexKey, title: 'Unplaced idea' }),
  shotOf('orphan', 'a6', { sceneId: createSceneId('deleted'), order: 'a2' as IndexKey }),
]
const settings = createBoardSettings({ numbering: 'letter', fps: 25, defaultAspect: '2.39:1' })
const board: TLRecord[] = [page, chase, opening, settings, ...shots, { ...shots[0]!, id: createShapeId('geo'), type: 'geo' } as never]

describe('shot plan export', () => {
  const plan = exportShotPlan(board)

  it('writes settings, scenes and shots in reading order with their ids', () => {
    expect(plan.format).toBe('storyloom.shot-plan')
    expect(plan.version).toBe(6)
    expect(plan.settings).toEqual({ numbering: 'letter', fps: 25, defaultAspect: '2.39:1' })
    expect(plan.scenes.map((s) => s.id)).toEqual(['scene:opening', 'scene:chase'])
    expect(plan.shots.map((s) => s.id)).toEqual(['shape:o1', 'shape:o2', 'shape:c1', 'shape:loose', 'shape:orphan'])
    expect(plan.shots[1]).toMatchObject({ x: 0, y: 0, title: 'Boat, "Marie", arrives', camera: { lensMm: 24 }, transitionIn: 'fade', transitionInSeconds: 1.5 })
    // The plan carries the shot's picture, so it carries the crop chosen for it (Reframe).
    expect(plan.shots[1]!.pictureFraming).toEqual({ zoom: 2.5, x: 0.2, y: 0.75 })
    expect(plan.shots[0]!.pictureFraming, 'a picture centred and covering').toBeNull()
    // Who draws it: the account id, as the board holds it.
    expect(plan.shots[1]!.assigneeId).toBe('ben_account_id01')
    expect(plan.shots[0]!.assigneeId, 'nobody').toBeNull()
    expect(plan.shots[0]!.transitionInSeconds, 'a shot at the usual length').toBeNull()
    // And the shot's own sound: the line moves with the shot.
    expect(plan.shots[1]!.sound).toEqual({ src: `/api/boards/BoardBoardBoard0/assets/${'c'.repeat(64)}`, mimeType: 'audio/mpeg', name: 'marie-vo.mp3', duration: 4.2 })
    expect(plan.shots[0]!.sound).toBeNull()
    // At the level it plays (Volume): a loud effect stays as quiet as it was set.
    expect(plan.shots[1]!.soundVolume).toBe(0.4)
    expect(plan.shots[0]!.soundVolume, 'full').toBe(1)
  })

  it('writes a shot whose scene was deleted as unassigned, as the board reads it', () => {
    expect(plan.shots.find((s) => s.id === 'shape:orphan')?.sceneId).toBeNull()
  })

  it('uses the default settings for a board that never changed them', () => {
    expect(exportShotPlan([]).settings).toEqual({ numbering: 'decimal', fps: 24, defaultAspect: '16:9' })
  })
})

describe('shot plan round trip', () => {
  const plan = exportShotPlan(board)

  it('imports its own JSON exactly', () => {
    const result = parseShotPlan(serializeShotPlan(plan))
    expect(result).toEqual({ ok: true, plan })
    if (result.ok) expect(result.plan).toStrictEqual(plan)
  })

  it('writes an imported plan out again byte for byte (its fields in the same order)', () => {
    const result = parseShotPlan(serializeShotPlan(plan))
    expect(result.ok && serializeShotPlan(result.plan)).toBe(serializeShotPlan(plan))
  })

  it('reads a version 1 plan (before transition lengths) with every shot at the usual length', () => {
    const v1 = { ...plan, version: 1, shots: plan.shots.map(({ transitionInSeconds: _length, pictureFraming: _later, sound: _latest, assigneeId: _last, soundVolume: _level, ...shot }) => shot) }
    const result = parseShotPlan(JSON.stringify(v1))
    expect(result).toEqual({ ok: true, plan: { ...plan, shots: plan.shots.map((shot) => ({ ...shot, transitionInSeconds: null, pictureFraming: null, sound: null, assigneeId: null, soundVolume: 1 })) } })
    // Written out again, its shots' fields are in the order the board's are.
    if (result.ok) expect(Object.keys(result.plan.shots[0]!)).toEqual(Object.keys(plan.shots[0]!))
    // Version 1 never had the field: one that has it is not a version 1 plan.
    expect(parseShotPlan({ ...plan, version: 1 }).ok).toBe(false)
  })

  it('reads a version 2 plan (before Reframe) with every picture centred and covering', () => {
    const v2 = { ...plan, version: 2, shots: plan.shots.map(({ pictureFraming: _none, sound: _later, assigneeId: _latest, soundVolume: _level, ...shot }) => shot) }
    const result = parseShotPlan(JSON.stringify(v2))
    const older = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, pictureFraming: null, sound: null, assigneeId: null, soundVolume: 1 })) }
    expect(result).toEqual({ ok: true, plan: older })
    if (result.ok) expect(serializeShotPlan(result.plan)).toBe(serializeShotPlan(older))
    expect(parseShotPlan({ ...plan, version: 2 }).ok).toBe(false)
  })

  it('reads a version 3 plan (before shot sounds) with no shot sounding and nobody assigned, keeping its framing', () => {
    const v3 = { ...plan, version: 3, shots: plan.shots.map(({ sound: _none, assigneeId: _later, soundVolume: _level, ...shot }) => shot) }
    const result = parseShotPlan(JSON.stringify(v3))
    const silent = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, sound: null, assigneeId: null, soundVolume: 1 })) }
    expect(result).toEqual({ ok: true, plan: silent })
    if (result.ok) expect(serializeShotPlan(result.plan)).toBe(serializeShotPlan(silent))
    expect(parseShotPlan({ ...plan, version: 3 }).ok).toBe(false)
  })

  it('reads a version 4 plan (before Assigned to) with its sounds kept and every shot assigned to nobody', () => {
    const v4 = { ...plan, version: 4, shots: plan.shots.map(({ assigneeId: _none, soundVolume: _later, ...shot }) => shot) }
    const result = parseShotPlan(JSON.stringify(v4))
    const unassigned = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, assigneeId: null, soundVolume: 1 })) }
    expect(result).toEqual({ ok: true, plan: unassigned })
    if (result.ok) expect(serializeShotPlan(result.plan)).toBe(serializeShotPlan(unassigned))
    expect(parseShotPlan({ ...plan, version: 4 }).ok).toBe(false)
  })

  it('reads a version 5 plan (before Volume) with its sounds and assignees kept, every sound at full level', () => {
    const v5 = { ...plan, version: 5, shots: plan.shots.map(({ soundVolume: _none, ...shot }) => shot) }
    const result = parseShotPlan(JSON.stringify(v5))
    const full = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, soundVolume: 1 })) }
    expect(result).toEqual({ ok: true, plan: full })
    if (result.ok) expect(serializeShotPlan(result.plan)).toBe(serializeShotPlan(full))
    expect(parseShotPlan({ ...plan, version: 5 }).ok).toBe(false)
  })

  it('keeps a shot\'s assignee only when they are a member of the board it is imported into', () => {
    const members = new Set(['ben_account_id01'])
    const kept = shotPlanToRecords(plan, { parentId, assignable: (id) => members.has(id) })
    expect(kept.shots.find((s) => s.id === 'shape:o2')?.props.assigneeId).toBe('ben_account_id01')
    const elsewhere = shotPlanToRecords(plan, { parentId, assignable: () => false })
    expect(elsewhere.shots.map((s) => s.props.assigneeId)).toEqual(plan.shots.map(() => null))
  })

  it('gives back the same records when imported into the board it came from', () => {
    const existing = (id: TLShapeId) => shots.find((s) => s.id === id)
    const records = shotPlanToRecords(plan, { parentId, existing })
    expect(records.settings).toStrictEqual(settings)
    expect(records.scenes).toStrictEqual([opening, chase])
    for (const shot of shots.filter((s) => s.id !== 'shape:orphan')) {
      expect(records.shots.find((s) => s.id === shot.id)).toStrictEqual(shot)
    }
    expect(exportShotPlan([...records.scenes, records.settings, ...records.shots])).toStrictEqual(plan)
  })

  it('keeps the meta of a scene already on the board, as it does a shot\'s', () => {
    const tagged = { ...opening, meta: { pinnedBy: 'ada' } }
    const existingScene = (id: SceneId) => (id === tagged.id ? tagged : undefined)
    const records = shotPlanToRecords(plan, { parentId, existingScene })
    expect(records.scenes.find((s) => s.id === tagged.id)?.meta).toEqual({ pinnedBy: 'ada' })
    expect(records.scenes.find((s) => s.id === chase.id)?.meta).toEqual({})
  })

  it('makes valid new shots, stacked above a given z-index, on another board', () => {
    const records = shotPlanToRecords(plan, { parentId, indexAbove: 'a9' as IndexKey })
    for (const record of [records.settings, ...records.scenes, ...records.shots]) expect(() => validateRecord(record)).not.toThrow()
    const indices = records.shots.map((s) => s.index)
    expect(new Set(indices).size).toBe(indices.length)
    expect(indices.every((i) => i > 'a9')).toBe(true)
    expect(records.shots.every((s) => s.rotation === 0 && s.parentId === parentId)).toBe(true)
  })
})

describe('shot plan import order', () => {
  const plan = exportShotPlan(board)
  /** The board's reading order after the plan's records are put in (shot ids). */
  const readingOrder = (target: readonly TLRecord[], imported: ShotPlan) => {
    const records = shotPlanToRecords(imported, { parentId })
    const byId = new Map<string, unknown>(target.map((r) => [r.id, r]))
    for (const r of [...records.scenes, ...records.shots]) byId.set(r.id, r)
    return boardSequence([...byId.values()] as TLRecord[]).entries.map((e) => e.shot.id)
  }

  it("reads another board's new scenes and unassigned shots after that board's own, in the plan's order", () => {
    // Another board with a scene and an unassigned shot whose keys sort among the plan's.
    const intro = createScene({ id: createSceneId('intro'), order: 'a1V' as IndexKey, name: 'Intro' })
    const other: TLRecord[] = [
      page,
      intro,
      shotOf('i1', 'a1', { sceneId: intro.id, order: 'a5' as IndexKey }),
      shotOf('idea', 'a2', { sceneId: null, order: 'a1V' as IndexKey }),
    ]
    const ordered = planOrderedAfterBoard(plan, other)
    expect(readingOrder(other, ordered)).toEqual(['shape:i1', 'shape:o1', 'shape:o2', 'shape:c1', 'shape:idea', 'shape:loose', 'shape:orphan'])
    // Without it, the plan's scenes sort around the board's own scene, and its loose shots around the board's.
    expect(readingOrder(other, plan)).not.toEqual(readingOrder(other, ordered))
  })

  it('keeps the plan exactly when the board has nothing it would sort among (an empty board, the same board)', () => {
    expect(planOrderedAfterBoard(plan, [page])).toBe(plan)
    expect(planOrderedAfterBoard(plan, board)).toBe(plan)
  })
})

describe('shot plan import refusals', () => {
  const plan = exportShotPlan(board)
  const withShot = (index: number, patch: Record<string, unknown>) => ({
    ...plan,
    shots: plan.shots.map((s, i) => (i === index ? { ...s, ...patch } : s)),
  })
  const errorsOf = (input: unknown) => {
    const result = parseShotPlan(input)
    if (result.ok) throw new Error('expected the plan to be refused')
    return result.errors
  }

  it('says what is wrong with a file that is not a plan', () => {
    expect(errorsOf('{"format": ')[0]).toMatch(/^The shot plan is not valid JSON/)
    expect(errorsOf({ hello: 'world' })).toEqual(['This is not a Storyloom shot plan (expected "format": "storyloom.shot-plan")'])
    expect(errorsOf([])).toHaveLength(1)
    expect(errorsOf({ ...plan, version: 7 })[0]).toMatch(/version 7, made by a newer Storyloom/)
  })

  it('points at the shot and field of each impossible value', () => {
    expect(errorsOf(withShot(2, { duration: -1 }))).toEqual(['shots[2].duration: must be more than 0 seconds'])
    expect(errorsOf(withShot(1, { transitionInSeconds: 90 }))).toEqual(['shots[1].transitionInSeconds: must be at most 30 seconds, or null'])
    expect(errorsOf(withShot(1, { assigneeId: 'ada\u202Enimda' }))).toEqual(['shots[1].assigneeId: must be an account id (up to 64 letters, digits, _ or -), or null'])
    expect(errorsOf(withShot(1, { assigneeId: 7 }))).toHaveLength(1)
    expect(errorsOf(withShot(1, { soundVolume: 1.5 }))).toEqual(['shots[1].soundVolume: must be from 0 to 1'])
    expect(errorsOf(withShot(1, { soundVolume: Number.NaN }))).toEqual(['shots[1].soundVolume: must be a finite number'])
    expect(errorsOf(withShot(1, { soundVolume: null }))).toHaveLength(1)
    expect(errorsOf(withShot(1, { pictureFraming: { zoom: 0.5, x: 0.5, y: 0.5 } }))).toEqual(['shots[1].pictureFraming.zoom: must be at least 1 (the picture just covering the frame)'])
    expect(errorsOf(withShot(1, { pictureFraming: { zoom: 2, x: 1.5, y: Number.NaN } }))).toEqual([
      'shots[1].pictureFraming.x: must be from 0 to 1',
      'shots[1].pictureFraming.y: must be a finite number',
    ])
    const sound = plan.shots[1]!.sound!
    expect(errorsOf(withShot(1, { sound: { ...sound, src: 'https://evil.example/line.wav', duration: 0 } }))).toEqual([
      'shots[1].sound.src: must be an uploaded asset URL (/api/boards/<board>/assets/<sha256>)',
      'shots[1].sound.duration: must be more than 0 seconds',
    ])
    expect(errorsOf(withShot(1, { sound: { ...sound, mimeType: 'text/html' } }))[0]).toMatch(/^shots\[1\]\.sound\.mimeType: must be one of: audio\/mpeg/)
    expect(errorsOf(withShot(0, { camera: { ...plan.shots[0]!.camera, shotSize: 'huge', lensMm: 0 } }))).toEqual([
      expect.stringMatching(/^shots\[0\]\.camera\.shotSize: must be one of: ews, ws/),
      'shots[0].camera.lensMm: must be more than 0 mm, or null',
    ])
    expect(errorsOf(withShot(1, { dialog: 'typo' }))).toEqual(['shots[1]: Unrecognized key: "dialog"'])
    expect(errorsOf(withShot(1, { media: { assetId: 'asset:a', src: 'data:image/png;base64,AA', kind: 'image' } }))).toEqual([
      'shots[1].media.src: must be an uploaded asset URL (/api/…) or an http(s) URL, not inline data',
    ])
    expect(errorsOf(withShot(1, { action: 'x'.repeat(10_001) }))).toEqual([
      'shots[1].action: is too long (10001 characters; at most 10000)',
    ])
    expect(errorsOf({ ...plan, settings: { ...plan.settings, fps: 60 } })).toEqual([
      'settings.fps: must be one of: 24, 25, 30 (frames per second)',
    ])
  })

  it('refuses repeated ids and shots in scenes the plan does not have', () => {
    expect(errorsOf(withShot(1, { id: 'shape:o1' }))).toEqual(['shots[1].id: repeats shot id shape:o1'])
    expect(errorsOf(withShot(0, { sceneId: 'scene:nowhere' }))).toEqual([
      'shots[0].sceneId: names scene scene:nowhere, which is not in this plan',
    ])
  })

  it('lists at most twenty problems', () => {
    const broken: ShotPlan = { ...plan, shots: Array.from({ length: 30 }, (_, i) => ({ ...plan.shots[0]!, id: `shape:x${i}` as TLShapeId, duration: -1 })) }
    const errors = errorsOf(broken)
    expect(errors).toHaveLength(21)
    expect(errors.at(-1)).toBe('…and 10 more problems')
  })

  it('never accepts a shot the board would refuse', () => {
    const bad: Record<string, unknown>[] = [
      { duration: 0 },
      { duration: 3601 },
      { w: 0 },
      { h: -5 },
      { aspect: '3:2' },
      { status: 'done' },
      { transitionIn: 'iris' },
      { transitionInSeconds: 0 },
      { transitionInSeconds: -0.5 },
      { transitionInSeconds: Number.NaN },
      { transitionInSeconds: 1e9 },
      { transitionInSeconds: '0.5' },
      { order: '' },
      { sceneId: 'shape:x' },
      { activeVersionId: 7 },
      { camera: { ...plan.shots[0]!.camera, lensMm: 2001 } },
      { camera: { ...plan.shots[0]!.camera, movement: 'teleport' } },
      { media: { assetId: 'page:a', src: '/api/a', kind: 'image' } },
      { media: { assetId: 'asset:a', src: '/api/a', kind: 'audio' } },
    ]
    for (const patch of bad) {
      const shot = { ...plan.shots[0]!, ...patch }
      expect(parseShotPlan(withShot(0, patch)).ok).toBe(false)
      const { id, x, y, ...props } = shot
      const record = { ...shots[0]!, id, x, y, props }
      expect(() => validateRecord(record)).toThrow()
    }
  })
})
