import { describe, expect, it } from 'vitest'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { copyProps, orderRightAfter, originalOf } from './copyOfShot'

const shot = (id: string, order: string, extra: Partial<TLShotShape['props']> = {}) =>
  createShotShape({ id: `shape:${id}` as never, parentId: 'page:p' as never, index: 'a1' as never, props: { sceneId: 'scene:s' as never, order: order as never, ...extra } })

describe('copies of shots', () => {
  const a = shot('a', 'a1')
  const b = shot('b', 'a2')
  const c = shot('c', 'a3')

  it('finds the original by scene and order key, and only then', () => {
    expect(originalOf(shot('copy', 'a2'), [a, b, c])?.id).toBe(b.id)
    expect(originalOf(shot('copy', 'a2', { sceneId: null }), [a, b, c])).toBeUndefined()
    expect(originalOf(shot('new', 'a4'), [a, b, c])).toBeUndefined()
  })

  it('orders the copy right after its original, also after the last shot and on tied keys', () => {
    for (const [original, next] of [[a, b], [b, c]] as const) {
      const key = orderRightAfter(original, [a, b, c])
      expect(key > original.props.order && key < next.props.order).toBe(true)
    }
    expect(orderRightAfter(c, [a, b, c]) > c.props.order).toBe(true)
    expect(orderRightAfter(a, [a, shot('tie', 'a1'), b]) > a.props.order).toBe(true)
  })

  it('starts with no take and no verdict status, keeping its picture, its reframing, its sound at its volume and its artist; leaves a scene this board lacks', () => {
    const media = { assetId: 'asset:x' as never, src: '/api/boards/b/assets/x', kind: 'image' as const }
    const pictureFraming = { zoom: 2, x: 0.3, y: 0.6 }
    const sound = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line-12.wav', duration: 2.4 }
    const copy = shot('copy', 'a2', { activeVersionId: 'v_AAAAAAAAAAAAAAAA', status: 'approved', media, pictureFraming, sound, soundVolume: 0.4, assigneeId: 'ben_member_0001' })
    expect(copyProps(copy, { original: b, shots: [a, b, c], sceneExists: true })).toMatchObject({ activeVersionId: null, status: 'draft', media, pictureFraming, sound, soundVolume: 0.4, sceneId: 'scene:s', assigneeId: 'ben_member_0001' })
    expect(copyProps(copy, { original: undefined, shots: [], sceneExists: false }).sceneId).toBeNull()
    expect(copyProps(shot('c2', 'a2', { status: 'in-review' }), { original: b, shots: [a, b, c], sceneExists: true }).status).toBe('in-review')
  })
})
