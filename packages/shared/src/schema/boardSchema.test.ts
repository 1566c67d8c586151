import { describe, expect, it } from 'vitest'
import { AssetRecordType, PageRecordType } from '@tldraw/tlschema'
import type { TLParentId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createShotShape } from '../storyboard/shotShape'
import { createBoardSettings } from '../storyboard/boardSettingsRecord'
import { createScene } from '../storyboard/sceneRecord'
import { validateBoardRecord } from './boardSchema'

const image = (src: string | null) =>
  AssetRecordType.create({
    id: AssetRecordType.createId('a1'),
    type: 'image',
    props: { name: 'x.png', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
    meta: {},
  })

describe('validateBoardRecord', () => {
  it('accepts a valid page', () => {
    const page = PageRecordType.create({ id: PageRecordType.createId('p'), name: 'Page 1', index: 'a1' as never })
    expect(validateBoardRecord(page, null)).toMatchObject({ ok: true })
  })

  it('refuses records that are not document records or are malformed', () => {
    expect(validateBoardRecord({ id: 'camera:x', typeName: 'camera', x: 0, y: 0, z: 1 }, null)).toMatchObject({ ok: false })
    expect(validateBoardRecord({ id: 'page:x', typeName: 'page', name: 3 }, null)).toMatchObject({ ok: false })
    expect(validateBoardRecord({ id: 'shape:x', typeName: 'page', name: 'p', index: 'a1', meta: {} }, null)).toMatchObject({ ok: false })
    expect(validateBoardRecord('nope', null)).toMatchObject({ ok: false })
  })

  it('refuses inline image data but accepts uploaded and remote assets', () => {
    expect(validateBoardRecord(image('data:image/png;base64,AAAA'), null)).toMatchObject({ ok: false })
    expect(validateBoardRecord(image('/api/boards/b1/assets/abc'), null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(image('https://example.com/a.png'), null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(image(null), null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(image(''), null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(image('blob:http://x/1'), null)).toMatchObject({ ok: false })
  })

  it('accepts storyboard records and refuses impossible shots', () => {
    const shot = createShotShape({ parentId: 'page:p' as TLParentId, index: 'a1' as IndexKey })
    expect(validateBoardRecord(shot, null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(createScene({ order: 'a1' as IndexKey }), null)).toMatchObject({ ok: true })
    expect(validateBoardRecord(createBoardSettings(), null)).toMatchObject({ ok: true })
    const negative = { ...shot, props: { ...shot.props, duration: -1 } }
    expect(validateBoardRecord(negative, null)).toMatchObject({ ok: false })
  })
})
