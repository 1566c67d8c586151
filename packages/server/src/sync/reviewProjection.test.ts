import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { putRecords, readAllRecords, readRecord, removeRecords } from '@storyloom/shared/doc/boardDoc'
import { readShotReviews, reviewMap, shotReviewKey } from '@storyloom/shared/review/reviewDoc'
import { drawShapeProps } from '@storyloom/shared/schema/testing/drawShapeProps'
import { defaultMotionProps } from '@storyloom/shared/storyboard/motionShape'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { ReviewProjection } from './reviewProjection'

type Json = Record<string, unknown>

function shape(id: string, type: string, parentId: string, props: Json = {}): Json {
  return { id: `shape:${id}`, typeName: 'shape', type, x: 0, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId, index: 'a1', props }
}
const page = (id: string, index: string) => ({ id: `page:${id}`, typeName: 'page', name: `Page ${id}`, index, meta: {} })
const asset = (id: string) => ({ id: `asset:${id}`, typeName: 'asset', type: 'image', meta: {}, props: { name: 'x.png', src: `/api/boards/b/assets/${id}`, w: 64, h: 64, mimeType: 'image/png', isAnimated: false } })
const shot = (id: string, parentId: string, media: string | null = null) =>
  createShotShape({
    id: `shape:${id}` as never,
    parentId: parentId as never,
    index: 'a2' as never,
    props: media ? { media: { assetId: `asset:${media}` as never, src: `/api/boards/b/assets/${media}`, kind: 'image' } } : {},
  }) as unknown as Json
const stroke = (id: string, parentId: string, path: string) => shape(id, 'draw', parentId, drawShapeProps([{ type: 'free', path }]) as unknown as Json)
const binding = (id: string, type: string, fromId: string, toId: string) => ({ id: `binding:${id}`, typeName: 'binding', type, fromId: `shape:${fromId}`, toId: `shape:${toId}`, props: {}, meta: {} })

function write(doc: Y.Doc, ...records: Json[]): void {
  doc.transact(() => putRecords(doc, records as unknown as Parameters<typeof putRecords>[1]))
}
function remove(doc: Y.Doc, ...ids: string[]): void {
  doc.transact(() => removeRecords(doc, ids))
}
function ids(doc: Y.Doc): string[] {
  return readAllRecords(doc).map((r) => r.id as string).sort()
}

/** A board with two shots (one with an image, one sketched in), and what reviewers must not get. */
function board(): Y.Doc {
  const doc = new Y.Doc()
  write(
    doc,
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    page('one', 'a1'),
    page('notes', 'a2'),
    { id: 'scene:intro', typeName: 'scene', name: 'Intro', meta: {} },
    { id: 'board_settings:board', typeName: 'board_settings', numbering: 'letter', fps: 25, defaultAspect: '16:9', meta: {} },
    asset('image'),
    asset('reference'),
    shot('withImage', 'page:one', 'image'),
    shot('sketched', 'page:one'),
    stroke('stroke', 'shape:sketched', 'AAAA'),
    shape('sticky', 'note', 'page:one'),
    shape('label', 'text', 'page:one'),
    shape('ref', 'image', 'page:one', { assetId: 'asset:reference' }),
    binding('pin', 'reference', 'ref', 'withImage'),
    shape('elsewhere', 'note', 'page:notes'),
  )
  return doc
}

describe('ReviewProjection', () => {
  it('holds the shots, their images and sketches, scenes and settings — and nothing else', () => {
    const doc = board()
    const projection = new ReviewProjection(doc)
    expect(ids(projection.doc)).toEqual([
      'asset:image', 'board_settings:board', 'document:document', 'page:one', 'scene:intro', 'shape:sketched', 'shape:stroke', 'shape:withImage',
    ])
    expect(readRecord(projection.doc, 'shape:stroke')).toEqual(readRecord(doc, 'shape:stroke'))
    expect(projection.doc.getMap('meta').size).toBe(0)
  })

  it('follows the board record by record: shown records change, hidden ones come and go with the shots', () => {
    const doc = board()
    const projection = new ReviewProjection(doc)
    const updates: Uint8Array[] = []
    projection.doc.on('update', (u: Uint8Array) => updates.push(u))

    // Team edits to hidden records send nothing.
    write(doc, { ...shape('sticky', 'note', 'page:one'), x: 40 })
    projection.catchUp()
    expect(updates).toHaveLength(0)

    // A stroke grows; a new shot lands on the notes page, bringing that page.
    const grown = stroke('stroke', 'shape:sketched', 'AAAABBBB')
    write(doc, grown, shot('third', 'page:notes'))
    projection.catchUp()
    expect(updates).toHaveLength(1)
    expect(readRecord(projection.doc, 'shape:stroke')).toEqual(readRecord(doc, 'shape:stroke'))
    expect(ids(projection.doc)).toContain('page:notes')
    expect(ids(projection.doc)).toContain('shape:third')
    expect(ids(projection.doc)).not.toContain('shape:elsewhere')

    // The sticky note dropped into a shot becomes part of its sketch; dragged out, it is gone again.
    write(doc, shape('sticky', 'note', 'shape:sketched'))
    projection.catchUp()
    expect(ids(projection.doc)).toContain('shape:sticky')
    write(doc, shape('sticky', 'note', 'page:one'))
    projection.catchUp()
    expect(ids(projection.doc)).not.toContain('shape:sticky')

    // A new image on a shot brings its asset and drops the old one.
    write(doc, asset('take2'), shot('withImage', 'page:one', 'take2'))
    projection.catchUp()
    expect(ids(projection.doc)).toContain('asset:take2')
    expect(ids(projection.doc)).not.toContain('asset:image')

    // Deleting a shot (tldraw deletes its sketch with it) takes it all away, and the page it left empty.
    remove(doc, 'shape:third', 'shape:sketched', 'shape:stroke')
    projection.catchUp()
    expect(ids(projection.doc)).toEqual(['asset:take2', 'board_settings:board', 'document:document', 'page:one', 'scene:intro', 'shape:withImage'])
  })

  it('shows bindings only between shown shapes, and the first page of a board without shots', () => {
    const doc = board()
    write(doc, shape('arrow', 'arrow', 'shape:sketched'), binding('arrowToStroke', 'arrow', 'arrow', 'stroke'), binding('arrowToNote', 'arrow', 'arrow', 'sticky'))
    const projection = new ReviewProjection(doc)
    expect(ids(projection.doc)).toContain('binding:arrowToStroke')
    expect(ids(projection.doc)).not.toContain('binding:arrowToNote')
    expect(ids(projection.doc)).not.toContain('binding:pin')

    remove(doc, 'shape:withImage', 'shape:sketched', 'shape:stroke', 'shape:arrow', 'binding:arrowToStroke', 'binding:arrowToNote', 'binding:pin')
    projection.catchUp()
    const structural = ['board_settings:board', 'document:document', 'scene:intro']
    expect(ids(projection.doc)).toEqual([...structural, 'page:one'].sort())
    write(doc, shot('late', 'page:notes'))
    projection.catchUp()
    expect(ids(projection.doc)).toEqual([...structural, 'page:notes', 'shape:late'].sort())
  })

  it('copies the review map as the server writes it', () => {
    const doc = board()
    doc.transact(() => reviewMap(doc).set(shotReviewKey('shape:withImage'), { openThreads: 1, comments: 1, verdict: null, verdictBy: null }))
    const projection = new ReviewProjection(doc)
    expect(readShotReviews(projection.doc).get('shape:withImage')?.openThreads).toBe(1)
    doc.transact(() => {
      reviewMap(doc).delete(shotReviewKey('shape:withImage'))
      reviewMap(doc).set('revision', 7)
    })
    projection.catchUp()
    expect(readShotReviews(projection.doc).size).toBe(0)
    expect(reviewMap(projection.doc).get('revision')).toBe(7)
  })
  it('sends what the presentation draws of each record, not what the team wrote for itself', () => {
    const doc = board()
    const secretCamera = { shotSize: 'cu', angle: 'low', lensMm: 85, movement: 'dolly-in' }
    const sketchShot = readRecord(doc, 'shape:sketched') as unknown as Json
    const frame = (id: string, parentId: string, name: string) => ({ ...shape(id, 'frame', parentId, { w: 800, h: 600, name, color: 'black' }), meta: { owner: 'ada' } })
    write(
      doc,
      { ...page('one', 'a1'), name: 'Rejected — do not show the client' },
      { ...asset('image'), props: { ...(asset('image').props as Json), name: 'client_logo_CONFIDENTIAL.png' } },
      frame('placing', 'page:one', 'Ideas the client hated'),
      { ...shot('framed', 'shape:placing', 'image'), meta: { internal: 'budget cut' } },
      { ...sketchShot, props: { ...(sketchShot.props as Json), title: 'Opening', dialogue: 'Hello', camera: secretCamera, transitionIn: 'dissolve', transitionInSeconds: 1.25, pictureFraming: { zoom: 2.5, x: 0.1, y: 0.9 }, sound: { src: '/api/boards/b/assets/line', mimeType: 'audio/wav', name: 'anna-take3-DO-NOT-USE.wav', duration: 2.4 }, soundVolume: 0.4, assigneeId: 'Xk3_9aQ-ZpL2mN0r' } },
      frame('drawn', 'shape:sketched', 'Door'),
    )
    const projection = new ReviewProjection(doc)
    const shown = (id: string) => readRecord(projection.doc, id) as unknown as Json & { props: Json }

    expect(shown('page:one').name).toBe('')
    expect(shown('asset:image').props.name).toBe('')
    expect(shown('asset:image').props.src).toBe('/api/boards/b/assets/image')
    expect(shown('shape:placing').props.name).toBe('')
    expect(shown('shape:placing').meta).toEqual({})
    expect(shown('shape:framed').meta).toEqual({})
    const sketched = shown('shape:sketched').props
    // The camera (its move above all) is part of what the shot is meant to be: the client reads it.
    expect(sketched.camera).toEqual(secretCamera)
    expect([sketched.title, sketched.dialogue]).toEqual(['Opening', 'Hello'])
    // How it comes in, and over how long: the presentation plays it so.
    expect([sketched.transitionIn, sketched.transitionInSeconds]).toEqual(['dissolve', 1.25])
    // The crop the team chose (Reframe) is the picture the client approves.
    expect(sketched.pictureFraming).toEqual({ zoom: 2.5, x: 0.1, y: 0.9 })
    // Its own sound plays in the presentation, as the soundtrack does: without the file's name.
    expect(sketched.sound).toEqual({ src: '/api/boards/b/assets/line', mimeType: 'audio/wav', name: '', duration: 2.4 })
    // At the level the team set it to (Volume), as their own Present plays it.
    expect(sketched.soundVolume).toBe(0.4)
    // Who on the team draws it is the team's business: a client's link gets nobody.
    expect(sketched.assigneeId).toBeNull()
    // A frame drawn inside a shot is part of its sketch: its name is drawn.
    expect(shown('shape:drawn').props.name).toBe('Door')

    // A rename reaches reviewers as nothing: what they see did not change.
    const updates: Uint8Array[] = []
    projection.doc.on('update', (u: Uint8Array) => updates.push(u))
    write(doc, frame('placing', 'page:one', 'Renamed by the team'))
    projection.catchUp()
    expect(updates).toHaveLength(0)
  })

  it('sends the board\'s soundtrack for the presentation to play, without its file name', () => {
    const doc = board()
    const soundtrack = { src: `/api/boards/b/assets/${'d'.repeat(64)}`, mimeType: 'audio/mpeg', name: 'temp_music_DO_NOT_SHARE.mp3', duration: 30, startAt: 2 }
    write(doc, { id: 'board_settings:board', typeName: 'board_settings', numbering: 'letter', fps: 25, defaultAspect: '16:9', soundtrack, meta: {} })
    const projection = new ReviewProjection(doc)
    expect(readRecord(projection.doc, 'board_settings:board')).toMatchObject({ soundtrack: { ...soundtrack, name: '' } })
  })

  it('shows the camera moves drawn on a shot, with their bindings, as they come and go', () => {
    const doc = board()
    const move = (id: string) => shape(id, 'motion', 'page:one', defaultMotionProps() as unknown as Json)
    write(doc, move('pan'), binding('panOnShot', 'annotation', 'pan', 'sketched'), move('loose'), move('late'))
    const projection = new ReviewProjection(doc)
    expect(ids(projection.doc)).toContain('shape:pan')
    expect(ids(projection.doc)).toContain('binding:panOnShot')
    expect(ids(projection.doc), 'an arrow on no shot is not the shot’s').not.toContain('shape:loose')

    // Bound later, it arrives; unbound, it goes.
    write(doc, binding('lateOnShot', 'annotation', 'late', 'withImage'))
    projection.catchUp()
    expect(ids(projection.doc)).toEqual(expect.arrayContaining(['shape:late', 'binding:lateOnShot']))
    remove(doc, 'binding:lateOnShot')
    projection.catchUp()
    expect(ids(projection.doc)).not.toContain('shape:late')

    // Deleted with its shot (tldraw deletes the shot's annotations with it), it is gone.
    remove(doc, 'shape:sketched', 'shape:stroke', 'binding:panOnShot', 'shape:pan')
    projection.catchUp()
    expect(ids(projection.doc)).not.toContain('shape:pan')
    expect(ids(projection.doc)).not.toContain('binding:panOnShot')
  })
})
