import { describe, expect, it } from 'vitest'
import { assetUrl } from '@storyloom/shared/api/assets'
import { createScene, createSceneId, type SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type ShotMedia, type ShotShapeProps, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'

type TLAssetId = ShotMedia['assetId']
type IndexKey = ShotShapeProps['order']
type TLParentId = TLShotShape['parentId']
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { boardCoverAssetId } from './boardCover'

const BOARD = 'AAAAAAAAAAAAAAAA'
const OTHER_BOARD = 'BBBBBBBBBBBBBBBB'
const sha = (c: string) => c.repeat(64)
const page = 'page:p' as TLParentId

const picture = (assetId: string, boardId = BOARD, kind: ShotMedia['kind'] = 'image'): ShotMedia => ({
  assetId: `asset:${assetId}` as TLAssetId,
  src: assetUrl(boardId, assetId),
  kind,
})
const shot = (id: string, sceneId: SceneId | null, order: string, media: ShotMedia | null): TLShotShape =>
  createShotShape({ id: `shape:${id}` as TLShotShape['id'], parentId: page, index: 'a1' as IndexKey, props: { sceneId, order: order as IndexKey, media } })

const opening = createScene({ id: createSceneId('opening'), order: 'a1' as IndexKey })
const chase = createScene({ id: createSceneId('chase'), order: 'a2' as IndexKey })
const stored = (...ids: string[]) => (assetId: string) => ids.includes(assetId)

describe('a board cover', () => {
  it('is the picture of the first shot in storyboard order, not in record or canvas order', () => {
    const records = [shot('late', chase.id, 'a1', picture(sha('c'))), chase, shot('first', opening.id, 'a1', picture(sha('a'))), opening, shot('loose', null, 'a0', picture(sha('d')))]
    expect(boardCoverAssetId(BOARD, records, stored(sha('a'), sha('c'), sha('d')))).toBe(sha('a'))
  })

  it('is none for a board whose shots have no picture (or that has no shot)', () => {
    expect(boardCoverAssetId(BOARD, [opening, shot('x', opening.id, 'a1', null)], stored(sha('a')))).toBeNull()
    expect(boardCoverAssetId(BOARD, [], stored())).toBeNull()
  })

  it('is the second shot’s picture when the first shot has none', () => {
    const records = [opening, shot('x', opening.id, 'a1', null), shot('y', opening.id, 'a2', picture(sha('b')))]
    expect(boardCoverAssetId(BOARD, records, stored(sha('b')))).toBe(sha('b'))
  })

  it('skips clips, other boards’ assets, outside URLs and assets this board never stored', () => {
    const outside: ShotMedia = { assetId: 'asset:x' as TLAssetId, src: 'https://example.com/a.png', kind: 'image' }
    const records = [
      opening,
      shot('clip', opening.id, 'a1', picture(sha('a'), BOARD, 'video')),
      shot('foreign', opening.id, 'a2', picture(sha('b'), OTHER_BOARD)),
      shot('outside', opening.id, 'a3', outside),
      shot('missing', opening.id, 'a4', picture(sha('e'))),
      shot('good', opening.id, 'a5', picture(sha('f'))),
    ]
    expect(boardCoverAssetId(BOARD, records, stored(sha('a'), sha('b'), sha('f')))).toBe(sha('f'))
  })

  it('is the still of the take a shot shows as a clip: a generated clip keeps the still it was made from', () => {
    const clipShot = (id: string, order: string, clip: string, take: string) => {
      const record = shot(id, opening.id, order, picture(clip, BOARD, 'video'))
      return { ...record, props: { ...record.props, activeVersionId: take } }
    }
    const asset = (assetId: string, kind: 'image' | 'video', boardId = BOARD): VersionAsset => ({
      assetId, src: assetUrl(boardId, assetId), kind, mimeType: kind === 'image' ? 'image/png' : 'image/webp', width: 64, height: 36,
    })
    const takes = new Map([
      ['shape:uploaded take-u', [asset(sha('1'), 'video')]],
      ['shape:foreign take-f', [asset(sha('2'), 'image', OTHER_BOARD), asset(sha('3'), 'video')]],
      ['shape:generated take-g', [asset(sha('4'), 'image'), asset(sha('5'), 'video')]],
    ])
    const takeAssets = (shotId: string, versionId: string) => takes.get(`${shotId} ${versionId}`)
    // An uploaded clip has no still, a take's still from another board is not this board's: skipped.
    const records = [opening, clipShot('uploaded', 'a1', sha('1'), 'take-u'), clipShot('foreign', 'a2', sha('3'), 'take-f'), clipShot('generated', 'a3', sha('5'), 'take-g')]
    expect(boardCoverAssetId(BOARD, records, stored(sha('1'), sha('2'), sha('3'), sha('4'), sha('5')), takeAssets)).toBe(sha('4'))
    // Not stored for this board (never uploaded here): no cover.
    expect(boardCoverAssetId(BOARD, records, stored(sha('1'), sha('5')), takeAssets)).toBeNull()
  })

  it('skips a picture the server found damaged or oversized (a decompression bomb a client once sent as a take)', () => {
    const takeShot = (id: string, order: string, media: ShotMedia) => {
      const record = shot(id, opening.id, order, media)
      return { ...record, props: { ...record.props, activeVersionId: `take-${id}` } }
    }
    const asset = (assetId: string, kind: 'image' | 'video', header: VersionAsset['header']): VersionAsset => ({
      assetId, src: assetUrl(BOARD, assetId), kind, mimeType: kind === 'image' ? 'image/png' : 'image/webp', ...(header && { header }),
    })
    const takes = new Map([
      ['shape:bomb take-bomb', [asset(sha('1'), 'image', 'oversized')]],
      ['shape:cut take-cut', [asset(sha('2'), 'image', 'damaged'), asset(sha('3'), 'video', 'read')]],
      ['shape:good take-good', [asset(sha('4'), 'image', 'read')]],
    ])
    const takeAssets = (shotId: string, versionId: string) => takes.get(`${shotId} ${versionId}`)
    const records = [
      opening,
      takeShot('bomb', 'a1', picture(sha('1'))),
      takeShot('cut', 'a2', picture(sha('3'), BOARD, 'video')),
      takeShot('good', 'a3', picture(sha('4'))),
    ]
    const all = stored(sha('1'), sha('2'), sha('3'), sha('4'))
    expect(boardCoverAssetId(BOARD, records, all, takeAssets)).toBe(sha('4'))
    // A take not read yet (recorded before the server read headers) is still a cover, as before.
    takes.set('shape:bomb take-bomb', [asset(sha('1'), 'image', undefined)])
    expect(boardCoverAssetId(BOARD, records, all, takeAssets)).toBe(sha('1'))
  })
})
