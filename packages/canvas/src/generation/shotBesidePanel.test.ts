import { describe, expect, it } from 'vitest'
import { cameraShowingBeside } from './shotBesidePanel'

const viewport = { x: 0, y: 0, w: 1280, h: 800 }
const panel = { x: 300, y: 87, w: 320, h: 400 }
// Between the queue (its right edge) and the inspector (260 px at the right).
const free = { left: panel.x + panel.w, right: viewport.w - 268 }

/** Where a page point lands on screen under `camera` (tldraw: screen = (page + camera) × zoom). */
const onScreen = (camera: { x: number; y: number; z: number }, x: number, y: number) => ({ x: (x + camera.x) * camera.z, y: (y + camera.y) * camera.z })

describe('showing a shot beside the queue', () => {
  it('puts the whole shot in the canvas between the open queue and the inspector', () => {
    const shot = { x: 0, y: 0, w: 320, h: 180 }
    const camera = cameraShowingBeside(shot, viewport, free)
    const topLeft = onScreen(camera, shot.x, shot.y)
    const bottomRight = onScreen(camera, shot.x + shot.w, shot.y + shot.h)
    expect(topLeft.x).toBeGreaterThanOrEqual(free.left)
    expect(bottomRight.x).toBeLessThanOrEqual(free.right)
    expect(topLeft.y).toBeGreaterThanOrEqual(0)
    expect(bottomRight.y).toBeLessThanOrEqual(viewport.h)
    expect(camera.z).toBeLessThanOrEqual(1)
  })

  it('zooms out to fit a shot larger than the room beside the panel', () => {
    const shot = { x: 2000, y: 500, w: 1600, h: 900 }
    const camera = cameraShowingBeside(shot, viewport, free)
    expect(onScreen(camera, shot.x, shot.y).x).toBeGreaterThanOrEqual(free.left)
    expect(onScreen(camera, shot.x + shot.w, shot.y + shot.h).x).toBeLessThanOrEqual(free.right)
  })

  it('uses the whole canvas when too little of it is left beside the panel', () => {
    const camera = cameraShowingBeside({ x: 0, y: 0, w: 320, h: 180 }, { x: 0, y: 0, w: 700, h: 800 }, { left: 620, right: 700 })
    const centre = onScreen(camera, 160, 90)
    expect(centre.x).toBeCloseTo(350)
  })
})
