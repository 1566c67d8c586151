import { describe, expect, it } from 'vitest'
import { createBindingId, createShapeId, createTLSchema } from '@tldraw/tlschema'
import type { TLParentId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createBoardSettings } from './boardSettingsRecord'
import { defaultMotionProps } from './motionShape'
import { createScene, createSceneId } from './sceneRecord'
import { createShotShape } from './shotShape'
import { boardSchema as schema } from '../schema/boardSchema'
import { validateRecord as validate } from '../schema/testing/validateRecord'

const page = 'page:page' as TLParentId
const a1 = 'a1' as IndexKey
const shot = (props: Record<string, unknown> = {}) => {
  const base = createShotShape({ id: createShapeId('s1'), parentId: page, index: a1 })
  return { ...base, props: { ...base.props, ...props } }
}
const camera = (patch: Record<string, unknown>) => ({ shotSize: 'ms', angle: 'eye-level', lensMm: null, movement: 'static', ...patch })
const motion = (props: Record<string, unknown> = {}) => ({
  ...createShotShape({ id: createShapeId('m1'), parentId: page, index: a1 }),
  type: 'motion',
  props: { ...defaultMotionProps(), ...props },
})
const binding = (type: string, props: Record<string, unknown>) => ({
  id: createBindingId(type),
  typeName: 'binding',
  type,
  fromId: createShapeId('from'),
  toId: createShapeId('to'),
  props,
  meta: {},
})

const SOUND = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav', name: 'line-12.wav', duration: 2.4 }

describe('shot shape validation', () => {
  it('accepts a new shot and a fully specified one', () => {
    expect(() => validate(shot())).not.toThrow()
    const full = shot({
      aspect: '2.39:1',
      title: 'Anna at the door',
      duration: 2.5,
      camera: camera({ shotSize: 'ots', angle: 'dutch', lensMm: 85, movement: 'dolly-in' }),
      action: 'She hesitates, then knocks.',
      dialogue: 'ANNA: Hello?',
      status: 'approved',
      sceneId: createSceneId('s1'),
      order: 'a1V',
      transitionIn: 'dissolve',
      transitionInSeconds: 13 / 24,
      activeVersionId: 'v_123',
      media: { assetId: 'asset:abc', src: '/api/boards/b/assets/abc', kind: 'image', model: 'storyloom-tiny' },
      pictureFraming: { zoom: 4, x: 0, y: 1 },
      sound: { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav', name: 'line-12.wav', duration: 2.4 },
      soundVolume: 0.4,
      assigneeId: 'Xk3_9aQ-ZpL2mN0r',
    })
    expect(() => validate(full)).not.toThrow()
    // Silent and full are both levels a shot's sound may have.
    expect(() => validate(shot({ sound: SOUND, soundVolume: 0 }))).not.toThrow()
    expect(() => validate(shot({ sound: SOUND, soundVolume: 1 }))).not.toThrow()
  })

  it.each([
    ['a negative duration', { duration: -1 }, /duration/],
    ['a zero duration', { duration: 0 }, /duration/],
    ['a NaN duration', { duration: Number.NaN }, /duration.*NaN/],
    ['an infinite duration', { duration: Number.POSITIVE_INFINITY }, /duration/],
    ['a duration over an hour', { duration: 3601 }, /duration/],
    ['an unknown shot size', { camera: camera({ shotSize: 'huge' }) }, /shotSize/],
    ['an unknown angle', { camera: camera({ angle: 'sideways' }) }, /angle/],
    ['a zero lens', { camera: camera({ lensMm: 0 }) }, /lensMm/],
    ['a negative lens', { camera: camera({ lensMm: -35 }) }, /lensMm/],
    ['an unknown movement', { camera: camera({ movement: 'teleport' }) }, /movement/],
    ['a zero width', { w: 0 }, /\bw\b/],
    ['an unknown aspect ratio', { aspect: '3:2' }, /aspect/],
    ['an unknown status', { status: 'done' }, /status/],
    ['an unknown transition', { transitionIn: 'iris' }, /transitionIn/],
    ['a NaN transition length', { transitionInSeconds: Number.NaN }, /transitionInSeconds/],
    ['a negative transition length', { transitionInSeconds: -0.5 }, /transitionInSeconds/],
    ['a zero transition length', { transitionInSeconds: 0 }, /transitionInSeconds/],
    ['an infinite transition length', { transitionInSeconds: Number.POSITIVE_INFINITY }, /transitionInSeconds/],
    ['a transition length over 30 seconds', { transitionInSeconds: 1e9 }, /transitionInSeconds.*at most 30/],
    ['a transition length as text', { transitionInSeconds: '12' }, /transitionInSeconds/],
    ['a scene id of another type', { sceneId: 'shape:x' }, /sceneId/],
    ['an order that is not an index key', { order: 'not a key' }, /order/],
    ['inline media data', { media: { assetId: 'asset:a', src: 'data:image/png;base64,AAAA', kind: 'image' } }, /src/],
    ['an unknown media kind', { media: { assetId: 'asset:a', src: '/api/a', kind: 'audio' } }, /kind/],
    ['a huge paste in the action', { action: 'x'.repeat(10_001) }, /action.*at most 10000/],
    ['a NaN reframe zoom', { pictureFraming: { zoom: Number.NaN, x: 0.5, y: 0.5 } }, /pictureFraming\.zoom.*NaN/],
    ['a reframe zoom under 1 (an edge would show)', { pictureFraming: { zoom: 0.5, x: 0.5, y: 0.5 } }, /pictureFraming\.zoom.*at least 1/],
    ['a negative reframe zoom', { pictureFraming: { zoom: -2, x: 0.5, y: 0.5 } }, /pictureFraming\.zoom/],
    ['a huge reframe zoom', { pictureFraming: { zoom: 1e9, x: 0.5, y: 0.5 } }, /pictureFraming\.zoom.*at most 4/],
    ['an infinite reframe zoom', { pictureFraming: { zoom: Number.POSITIVE_INFINITY, x: 0.5, y: 0.5 } }, /pictureFraming\.zoom/],
    ['a reframe focus past the picture', { pictureFraming: { zoom: 2, x: 1.5, y: 0.5 } }, /pictureFraming\.x.*at most 1/],
    ['a negative reframe focus', { pictureFraming: { zoom: 2, x: 0.5, y: -0.1 } }, /pictureFraming\.y/],
    ['a reframe focus as text', { pictureFraming: { zoom: 2, x: '0.5', y: 0.5 } }, /pictureFraming\.x/],
    ['a reframe missing its focus', { pictureFraming: { zoom: 2 } }, /pictureFraming\.x/],
    ['a reframe with extra fields', { pictureFraming: { zoom: 2, x: 0.5, y: 0.5, rotate: 90 } }, /rotate/],
    ['a reframe that is a number', { pictureFraming: 2 }, /pictureFraming/],
    ['a sound from another site', { sound: { ...SOUND, src: 'https://evil.example/a.wav' } }, /sound\.src.*asset URL/],
    ['a sound inlined as data', { sound: { ...SOUND, src: 'data:audio/wav;base64,AAAA' } }, /sound\.src/],
    ['a sound that is a picture', { sound: { ...SOUND, mimeType: 'image/png' } }, /sound\.mimeType/],
    ['a sound of NaN seconds', { sound: { ...SOUND, duration: Number.NaN } }, /sound\.duration/],
    ['a sound of no length', { sound: { ...SOUND, duration: 0 } }, /sound\.duration/],
    ['a sound with a huge name', { sound: { ...SOUND, name: 'x'.repeat(10_000) } }, /sound\.name/],
    ['a sound with extra fields', { sound: { ...SOUND, volume: 11 } }, /volume/],
    ['a sound that is a string', { sound: '/api/boards/b/assets/x' }, /sound/],
    ['an empty assignee', { assigneeId: '' }, /assigneeId.*account id/],
    ['an assignee that is a number', { assigneeId: 42 }, /assigneeId/],
    ['an assignee as an object', { assigneeId: { id: 'abc' } }, /assigneeId/],
    ['a huge assignee id', { assigneeId: 'a'.repeat(100_000) }, /assigneeId.*account id/],
    ['an assignee id with a right-to-left override', { assigneeId: 'ada\u202Enimda' }, /assigneeId.*account id/],
    ['an assignee id with markup', { assigneeId: '<img src=x onerror=alert(1)>' }, /assigneeId.*account id/],
    ['a sound volume over 100 %', { soundVolume: 1.01 }, /soundVolume.*at most 1/],
    ['a negative sound volume', { soundVolume: -0.1 }, /soundVolume.*at least 0/],
    ['a NaN sound volume', { soundVolume: Number.NaN }, /soundVolume/],
    ['an infinite sound volume', { soundVolume: Number.POSITIVE_INFINITY }, /soundVolume/],
    ['a sound volume as text', { soundVolume: '0.4' }, /soundVolume/],
    ['no sound volume', { soundVolume: null }, /soundVolume/],
    ['an unknown prop', { colour: 'red' }, /colour/],
  ])('refuses %s', (_what, props, message) => {
    expect(() => validate(shot(props))).toThrow(message)
  })
})

describe('motion annotation validation', () => {
  it('accepts a camera move and a subject path', () => {
    expect(() => validate(motion())).not.toThrow()
    const path = [
      { x: -0.2, y: 0.5 },
      { x: 0.5, y: 0.4 },
      { x: 1.3, y: 0.6 },
    ]
    expect(() => validate(motion({ kind: 'subject', direction: 359.5, speed: 1, strength: 0, path }))).not.toThrow()
  })

  it.each([
    ['a static camera "move"', { kind: 'static' }],
    ['an unknown kind', { kind: 'fly' }],
    ['a direction of 360°', { direction: 360 }],
    ['a negative direction', { direction: -10 }],
    ['a strength above 1', { strength: 1.5 }],
    ['a NaN speed', { speed: Number.NaN }],
    ['a path point far outside the frame', { path: [{ x: 5, y: 0 }] }],
    ['too many path points', { path: Array.from({ length: 501 }, () => ({ x: 0.5, y: 0.5 })) }],
  ])('refuses %s', (_what, props) => {
    expect(() => validate(motion(props))).toThrow()
  })
})

describe('reference and annotation bindings', () => {
  it('accepts every reference role and an empty annotation', () => {
    for (const role of ['style', 'character', 'location', 'prop', 'composition']) {
      expect(() => validate(binding('reference', { role }))).not.toThrow()
    }
    expect(() => validate(binding('annotation', {}))).not.toThrow()
  })

  it('refuses unknown roles and props', () => {
    expect(() => validate(binding('reference', { role: 'mood' }))).toThrow(/role/)
    expect(() => validate(binding('reference', {}))).toThrow(/role/)
    expect(() => validate(binding('annotation', { role: 'style' }))).toThrow(/role/)
  })
})

describe('scene and board settings records', () => {
  it('accepts scenes and the settings singleton', () => {
    expect(() => validate(createScene({ order: a1, name: 'The chase', timeOfDay: 'night', color: 'red' }))).not.toThrow()
    expect(() => validate(createBoardSettings({ numbering: 'letter', fps: 25 }))).not.toThrow()
  })

  it('refuses bad scenes and a second settings record', () => {
    expect(() => validate({ ...createScene({ order: a1 }), timeOfDay: 'teatime' })).toThrow(/timeOfDay/)
    expect(() => validate({ ...createScene({ order: a1 }), id: 'page:x' })).toThrow(/id/)
    expect(() => validate({ ...createScene({ order: a1 }), color: 'chartreuse' })).toThrow(/color/)
    expect(() => validate({ ...createBoardSettings(), id: 'board_settings:other' })).toThrow(/id/)
    expect(() => validate(createBoardSettings({ fps: 60 as never }))).toThrow(/fps/)
    expect(() => validate(createBoardSettings({ numbering: 'roman' as never }))).toThrow(/numbering/)
  })

  it('accepts a soundtrack on the board\'s own asset store and refuses any other', () => {
    const sha = 'a'.repeat(64)
    const soundtrack = { src: `/api/boards/${'b'.repeat(16)}/assets/${sha}`, mimeType: 'audio/mpeg', name: 'temp.mp3', duration: 12.5, startAt: 0 } as const
    expect(() => validate(createBoardSettings({ soundtrack }))).not.toThrow()
    for (const bad of [
      { ...soundtrack, src: 'data:audio/mpeg;base64,AAAA' },
      { ...soundtrack, src: 'https://evil.example/a.mp3' },
      { ...soundtrack, src: `${soundtrack.src}?x=1` },
      { ...soundtrack, mimeType: 'video/mp4' },
      { ...soundtrack, duration: 0 },
      { ...soundtrack, duration: Number.NaN },
      { ...soundtrack, startAt: -1 },
      { ...soundtrack, name: 'x'.repeat(256) },
      { ...soundtrack, extra: true },
      'temp.mp3',
    ]) {
      expect(() => validate(createBoardSettings({ soundtrack: bad as never }))).toThrow(/soundtrack/)
    }
  })

  it('keeps frame guides to the four choices, None by default', () => {
    expect(createBoardSettings().frameGuides).toBe('none')
    for (const frameGuides of ['none', 'thirds', 'safe', 'thirds-safe'] as const) {
      expect(() => validate(createBoardSettings({ frameGuides }))).not.toThrow()
    }
    for (const bad of ['golden', '', 'THIRDS', 1, null, ['thirds'], { thirds: true }, '<img src=x onerror=alert(1)>']) {
      expect(() => validate(createBoardSettings({ frameGuides: bad as never }))).toThrow(/frameGuides/)
    }
  })

  it('keeps the soundtrack\'s ducking to Off, −6, −12 and −18 dB, −12 dB for a new board', () => {
    expect(createBoardSettings().soundtrackDucking).toBe(12)
    for (const soundtrackDucking of [0, 6, 12, 18] as const) {
      expect(() => validate(createBoardSettings({ soundtrackDucking }))).not.toThrow()
    }
    for (const bad of [-12, 3, 24, '12', '', null, Number.NaN, Number.POSITIVE_INFINITY, [12], { db: 12 }]) {
      expect(() => validate(createBoardSettings({ soundtrackDucking: bad as never }))).toThrow(/soundtrackDucking/)
    }
  })

  it('stores both as document records, so they sync and the server validates them', () => {
    expect(schema.types.scene.scope).toBe('document')
    expect(schema.types.board_settings.scope).toBe('document')
  })
})

describe('migrations', () => {
  it('registers an append-only sequence for every storyboard type', () => {
    const { sequences } = schema.serialize()
    expect(sequences['com.tldraw.shape.shot']).toBe(6) // AddChangesRequestedStatus, AddTransitionInSeconds, AddPictureFraming, AddSound, AddAssigneeId, AddSoundVolume
    expect(sequences['com.tldraw.board_settings']).toBe(3) // AddSoundtrackDucking
    for (const id of [
      'com.tldraw.shape.motion',
      'com.tldraw.binding.reference',
      'com.tldraw.binding.annotation',
      'com.tldraw.scene',
    ]) {
      expect(sequences[id]).toBe(0)
    }
  })

  it('opens a board saved before the storyboard types existed', () => {
    const before = createTLSchema()
    const result = schema.migrateStoreSnapshot({ store: {}, schema: before.serialize() })
    expect(result.type).toBe('success')
  })

  it('gives the settings of a board saved before soundtracks none', () => {
    const { soundtrack: _none, frameGuides: _later, soundtrackDucking: _latest, ...old } = createBoardSettings({ fps: 25 })
    const before = schema.serialize()
    const result = schema.migrateStoreSnapshot({
      store: { [old.id]: old } as never,
      schema: { ...before, sequences: { ...before.sequences, 'com.tldraw.board_settings': 0 } },
    })
    expect(result).toEqual({ type: 'success', value: { [old.id]: { ...old, soundtrack: null, frameGuides: 'none', soundtrackDucking: 0 } } })
  })

  it('gives the settings of a board saved before frame guides none, and keeps what it had', () => {
    const { frameGuides: _none, soundtrackDucking: _later, ...old } = createBoardSettings({ fps: 30, numbering: 'letter' })
    const before = schema.serialize()
    const result = schema.migrateStoreSnapshot({
      store: { [old.id]: old } as never,
      schema: { ...before, sequences: { ...before.sequences, 'com.tldraw.board_settings': 1 } },
    })
    expect(result).toEqual({ type: 'success', value: { [old.id]: { ...old, frameGuides: 'none', soundtrackDucking: 0 } } })
  })

  it('leaves the soundtrack of a board saved before ducking as it sounded (Off), and takes the setting off for older clients', () => {
    const soundtrack = { src: `/api/boards/${'b'.repeat(16)}/assets/${'a'.repeat(64)}`, mimeType: 'audio/mpeg', name: 'temp.mp3', duration: 12.5, startAt: 1 } as const
    const { soundtrackDucking: _none, ...old } = createBoardSettings({ soundtrack, frameGuides: 'thirds' })
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.board_settings': 2 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, soundtrackDucking: 0 } } })
    const down = schema.migratePersistedRecord(createBoardSettings({ soundtrack, frameGuides: 'thirds', soundtrackDucking: 18 }) as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: old })
  })

  it('gives the shots of a board saved before transition lengths the usual length, and takes it off for older clients', () => {
    const { transitionInSeconds: _none, pictureFraming: _later, sound: _latest, assigneeId: _last, soundVolume: _level, ...oldProps } = shot({ transitionIn: 'fade' }).props
    const old = { ...shot(), props: oldProps }
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.shot': 1 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, props: { ...oldProps, transitionInSeconds: null, pictureFraming: null, sound: null, assigneeId: null, soundVolume: 1 } } } })
    const longer = shot({ transitionIn: 'fade', transitionInSeconds: 2 })
    const down = schema.migratePersistedRecord(longer as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: { ...longer, props: oldProps } })
  })

  it('shows the pictures of a board saved before Reframe centred and covering, and takes the framing off for older clients', () => {
    const { pictureFraming: _none, sound: _later, assigneeId: _latest, soundVolume: _level, ...oldProps } = shot().props
    const old = { ...shot(), props: oldProps }
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.shot': 2 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, props: { ...oldProps, pictureFraming: null, sound: null, assigneeId: null, soundVolume: 1 } } } })
    const reframed = shot({ pictureFraming: { zoom: 2, x: 0.25, y: 0.5 } })
    const down = schema.migratePersistedRecord(reframed as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: { ...reframed, props: oldProps } })
  })

  it('gives the shots of a board saved before shot sounds none, and takes a sound off for older clients', () => {
    const { sound: _none, assigneeId: _later, soundVolume: _level, ...oldProps } = shot().props
    const old = { ...shot(), props: oldProps }
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.shot': 3 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, props: { ...oldProps, sound: null, assigneeId: null, soundVolume: 1 } } } })
    const voiced = shot({ sound: SOUND as never })
    const down = schema.migratePersistedRecord(voiced as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: { ...voiced, props: oldProps } })
  })

  it('assigns the shots of a board saved before Assigned to to nobody, and takes the assignee off for older clients', () => {
    const { assigneeId: _none, soundVolume: _later, ...oldProps } = shot().props
    const old = { ...shot(), props: oldProps }
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.shot': 4 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, props: { ...oldProps, assigneeId: null, soundVolume: 1 } } } })
    const assigned = shot({ assigneeId: 'Xk3_9aQ-ZpL2mN0r' })
    const down = schema.migratePersistedRecord(assigned as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: { ...assigned, props: oldProps } })
  })

  it('plays the sounds of a board saved before Volume at full level, and takes the level off for older clients', () => {
    const { soundVolume: _none, ...oldProps } = shot({ sound: SOUND }).props
    const old = { ...shot(), props: oldProps }
    const current = schema.serialize()
    const before = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.shot': 5 } }
    const up = schema.migrateStoreSnapshot({ store: { [old.id]: old } as never, schema: before })
    expect(up).toEqual({ type: 'success', value: { [old.id]: { ...old, props: { ...oldProps, soundVolume: 1 } } } })
    const quieter = shot({ sound: SOUND, soundVolume: 0.4 })
    const down = schema.migratePersistedRecord(quieter as never, before, 'down')
    expect(down).toEqual({ type: 'success', value: { ...quieter, props: oldProps } })
  })

  it('round-trips a board that holds every storyboard record', () => {
    const scene = createScene({ id: createSceneId('s1'), order: a1 })
    const records = [
      scene,
      createBoardSettings(),
      shot({ sceneId: scene.id }),
      motion(),
      binding('reference', { role: 'character' }),
      binding('annotation', {}),
    ]
    const store = Object.fromEntries(records.map((r) => [(r as { id: string }).id, r]))
    const result = schema.migrateStoreSnapshot({ store: JSON.parse(JSON.stringify(store)), schema: schema.serialize() })
    expect(result).toEqual({ type: 'success', value: store })
  })
})
