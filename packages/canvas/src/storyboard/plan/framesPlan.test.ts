import { describe, expect, it } from 'vitest'
import { createShapeId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { compareOrderKeys } from '@storyloom/shared/storyboard/sequence'
import { parseShotPlan } from '@storyloom/shared/storyboard/shotPlanSchema'
import { shotVersion } from '../../versions/testing/shotVersionFixture'
import { FRAMES_SCENE_FALLBACK, frameTitle, framesSceneName, framesToShotPlan, inNaturalOrder, type ImportedFrame } from './framesPlan'

const named = (...names: string[]) => names.map((name) => ({ name }))

describe('inNaturalOrder', () => {
  it('reads the numbers in file names as numbers: frame2 before frame10', () => {
    const sorted = inNaturalOrder(named('frame10.png', 'frame2.png', 'frame1.png', 'Frame3.png'))
    expect(sorted.map((f) => f.name)).toEqual(['frame1.png', 'frame2.png', 'Frame3.png', 'frame10.png'])
  })

  it('orders zero-padded and unpadded numbering the same way, and leaves its input alone', () => {
    const files = named('sc02_010.png', 'sc01_100.png', 'sc01_020.png')
    expect(inNaturalOrder(files).map((f) => f.name)).toEqual(['sc01_020.png', 'sc01_100.png', 'sc02_010.png'])
    expect(files[0]!.name).toBe('sc02_010.png')
  })
})

describe('frameTitle', () => {
  it('is the file name without its extension', () => {
    expect(frameTitle('sc01_010.png')).toBe('sc01_010')
    expect(frameTitle('the.quay.v2.JPEG')).toBe('the.quay.v2')
    expect(frameTitle('no extension')).toBe('no extension')
  })

  it('keeps a name that is only an extension, and cuts one past the title limit', () => {
    expect(frameTitle('.png')).toBe('.png')
    expect(frameTitle(`${'a'.repeat(MAX_TITLE_LENGTH + 20)}.png`)).toHaveLength(MAX_TITLE_LENGTH)
  })
})

describe('framesSceneName', () => {
  it('is what the titles start with, up to their running numbers', () => {
    expect(framesSceneName(['sc01_010', 'sc01_020', 'sc01_030'])).toBe('sc01')
    expect(framesSceneName(['frame1', 'frame2', 'frame10'])).toBe('frame')
    expect(framesSceneName(['Harbour chase - 1', 'Harbour chase - 2'])).toBe('Harbour chase')
    expect(framesSceneName(['sc10a', 'sc10b'])).toBe('sc10')
  })

  it("is one file's name, less a running number after a separator, as a group of such files would be named", () => {
    expect(framesSceneName(['sc05_1'])).toBe('sc05')
    expect(framesSceneName(['Harbour chase - 12'])).toBe('Harbour chase')
    expect(framesSceneName(['sc05'])).toBe('sc05')
    expect(framesSceneName(['kitchen wide'])).toBe('kitchen wide')
    expect(framesSceneName(['0001'])).toBe(FRAMES_SCENE_FALLBACK)
  })

  it('falls back to "Imported frames" when the titles share nothing worth a name', () => {
    expect(framesSceneName(['001', '002'])).toBe(FRAMES_SCENE_FALLBACK)
    expect(framesSceneName(['dawn', 'night'])).toBe(FRAMES_SCENE_FALLBACK)
    expect(framesSceneName([])).toBe(FRAMES_SCENE_FALLBACK)
  })
})

describe('framesToShotPlan', () => {
  const frame = (title: string, versionId: string): ImportedFrame => ({
    shotId: createShapeId(),
    title,
    version: shotVersion(versionId, null, { assets: [{ assetId: 'a'.repeat(64), src: `/api/boards/b/assets/${versionId}`, mimeType: 'image/png', kind: 'image' }] }),
  })
  const settings = createBoardSettings({ defaultAspect: '2.39:1' })
  const shotSize = { w: 320, h: 134 }

  it('makes one scene of the frames, in their order, each shot showing its take at the board aspect ratio', () => {
    const frames = ['sc01_010', 'sc01_020', 'sc01_030'].map((title, i) => frame(title, `v_${i}`))
    const plan = framesToShotPlan(frames, { settings, shotSize })
    expect(plan.scenes).toHaveLength(1)
    expect(plan.scenes[0]!.name).toBe('sc01')
    expect(plan.shots.map((shot) => [shot.id, shot.title, shot.sceneId, shot.activeVersionId, shot.media?.src])).toEqual(
      frames.map((f, i) => [f.shotId, f.title, plan.scenes[0]!.id, `v_${i}`, `/api/boards/b/assets/v_${i}`]),
    )
    expect(plan.shots.every((shot) => shot.aspect === '2.39:1' && shot.w === 320 && shot.h === 134)).toBe(true)
    const orders = plan.shots.map((shot) => shot.order)
    expect([...orders].sort(compareOrderKeys)).toEqual(orders)
    // A plan the importer itself would accept.
    expect(parseShotPlan(JSON.parse(JSON.stringify(plan)))).toEqual({ ok: true, plan: expect.anything() })
  })

  it('lays the shots out in reading order, six to a row, as an imported screenplay scene', () => {
    const frames = Array.from({ length: 8 }, (_, i) => frame(`f${i + 1}`, `v_${i}`))
    const positions = framesToShotPlan(frames, { settings, shotSize }).shots.map(({ x, y }) => ({ x, y }))
    expect(positions.slice(0, 6).map((p) => p.y)).toEqual([0, 0, 0, 0, 0, 0])
    expect(positions[1]!.x).toBeGreaterThan(positions[0]!.x + shotSize.w)
    expect(positions[6]).toEqual({ x: 0, y: expect.any(Number) })
    expect(positions[6]!.y).toBeGreaterThan(shotSize.h)
    expect(positions[7]!.y).toBe(positions[6]!.y)
  })
})
