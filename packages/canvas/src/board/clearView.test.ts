import { describe, expect, it } from 'vitest'
import { cameraToShow, clearArea, contentCameraOnOpen } from './clearView'

// A 1024×600 canvas whose right 270 px the shot inspector covers.
const clear = { x: 0, y: 0, w: 754, h: 600 }
const shot = { w: 240, h: 200 }

describe('cameraToShow', () => {
  it('leaves the camera alone when the shot is clear of the panels', () => {
    expect(cameraToShow({ x: 100, y: 100, ...shot }, { x: 0, y: 0, z: 1 }, clear, 16)).toBeNull()
  })

  it('pans just enough to bring a shot out from under the inspector', () => {
    const camera = cameraToShow({ x: 700, y: 100, ...shot }, { x: 0, y: 0, z: 1 }, clear, 16)!
    expect(camera).toEqual({ x: 754 - 16 - 940, y: 0, z: 1 })
    // Its right edge now sits 16 px inside the clear area; its left edge is still on screen.
    expect((700 + 240 + camera.x) * camera.z).toBe(754 - 16)
  })

  it('works at any zoom', () => {
    const camera = cameraToShow({ x: 700, y: 100, ...shot }, { x: -200, y: 0, z: 2 }, clear, 16)!
    expect(camera.z).toBe(2)
    expect((700 + 240 + camera.x) * 2).toBeCloseTo(754 - 16)
  })

  it('zooms out, never in, when the shot cannot fit at this zoom, and centres it', () => {
    const camera = cameraToShow({ x: 0, y: 0, w: 1000, h: 200 }, { x: 0, y: 0, z: 1 }, clear, 16)!
    expect(camera.z).toBeCloseTo((754 - 32) / 1000)
    expect((500 + camera.x) * camera.z).toBeCloseTo(754 / 2)
    expect(cameraToShow({ x: 100, y: 100, ...shot }, { x: 0, y: 0, z: 0.5 }, clear, 16)).toBeNull()
  })

  it('does nothing when panels leave no room', () => {
    expect(cameraToShow({ x: 700, y: 100, ...shot }, { x: 0, y: 0, z: 1 }, { x: 0, y: 0, w: 20, h: 600 }, 16)).toBeNull()
  })
})

describe('clearArea', () => {
  const canvas = { x: 0, y: 0, w: 1024, h: 600 }
  const inspector = { x: 764, y: 38, w: 260, h: 478 }
  const toggles = { x: 8, y: 52, w: 280, h: 29 }
  const toolbar = { x: 249, y: 547, w: 526, h: 53 }

  it('is what the panels leave: left of the inspector, below the toggles, above the toolbar', () => {
    expect(clearArea(canvas, [toggles, toolbar, inspector])).toEqual({ x: 0, y: 81, w: 764, h: 466 })
  })

  it('goes below a short panel at the top left rather than squeezing beside it', () => {
    const versions = { x: 115, y: 88, w: 440, h: 113 }
    expect(clearArea(canvas, [toggles, versions, inspector])).toEqual({ x: 0, y: 201, w: 764, h: 399 })
  })

  it('is the whole canvas when nothing covers it', () => {
    expect(clearArea(canvas, [])).toEqual(canvas)
  })
})

describe('contentCameraOnOpen', () => {
  // A 390×483 phone canvas below its top bar and the panels' toggles (81 px).
  const phone = { x: 0, y: 81, w: 390, h: 402 }

  it('moves the content starting at the origin out from under the top bar, at the same zoom', () => {
    const camera = contentCameraOnOpen({ x: 0, y: 0, w: 1000, h: 400 }, { x: 0, y: 0, z: 1 }, phone, 24)!
    expect(camera).toEqual({ x: 24, y: 105, z: 1 })
  })

  it('puts the content’s top left in the same place at another zoom', () => {
    const camera = contentCameraOnOpen({ x: 200, y: -100, w: 1000, h: 400 }, { x: 0, y: 0, z: 0.5 }, phone, 24)!
    expect({ x: (200 + camera.x) * camera.z, y: (-100 + camera.y) * camera.z, z: camera.z }).toEqual({ x: 24, y: 105, z: 0.5 })
  })

  it('leaves a view that already shows where the content starts', () => {
    expect(contentCameraOnOpen({ x: 0, y: 0, w: 1000, h: 400 }, { x: 40, y: 120, z: 1 }, phone, 24)).toBeNull()
  })
})
