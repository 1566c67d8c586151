import { describe, expect, it } from 'vitest'
import { ASPECT_RATIO_IDS, aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { MOTION_KIND_IDS } from '@storyloom/shared/storyboard/motionShape'
import { cameraFraming, cameraFramingAt, stillPictureStyle, type CameraFraming } from './cameraMotion'
import type { CameraMove, CameraMoveKind } from './shotCameraMoves'

const WIDE = 16 / 9
const shot = (moves: CameraMove[], id = 'shape:s1', seconds = 4) => ({ id, seconds, moves })
const move = (kind: CameraMoveKind, direction: number | null = null, speed: number | null = 0.5): CameraMove => ({ kind, direction, speed })
const at = (moves: CameraMove[], progress: number, aspect = WIDE) => cameraFraming(shot(moves), progress, aspect)!

/**
 * Whether the picture (the frame's size, drawn about its centre as `framing` says) covers the
 * frame: each corner of the frame, taken back into the picture, is inside it.
 */
function covers(framing: CameraFraming, aspect: number): boolean {
  const r = (framing.rotation * Math.PI) / 180
  const [tx, ty] = [framing.x * aspect, framing.y]
  return [-1, 1].every((sx) =>
    [-1, 1].every((sy) => {
      const [cx, cy] = [(sx * aspect) / 2 - tx, sy / 2 - ty]
      const qx = (Math.cos(r) * cx + Math.sin(r) * cy) / framing.scale
      const qy = (-Math.sin(r) * cx + Math.cos(r) * cy) / framing.scale
      return Math.abs(qx) <= aspect / 2 + 1e-9 && Math.abs(qy) <= 0.5 + 1e-9
    }),
  )
}

describe('cameraFraming', () => {
  it('slides the picture against the way the view pans: a pan right moves it left, a tilt up moves it down', () => {
    const right = [at([move('pan', 0)], 0), at([move('pan', 0)], 1)] as const
    expect(right[0].x).toBeGreaterThan(0)
    expect(right[1].x).toBeLessThan(0)
    expect(right.map((f) => Math.abs(f.y))).toEqual([0, 0])
    expect(at([move('pan', 180)], 1).x).toBeGreaterThan(0)
    expect(at([move('tilt', 270)], 1).y).toBeGreaterThan(at([move('tilt', 270)], 0).y)
    // Up and right (315°, as the arrow is snapped): the picture goes down and left.
    const [from, to] = [at([move('pan', 315)], 0), at([move('pan', 315)], 1)]
    expect(to.x).toBeLessThan(from.x)
    expect(to.y).toBeGreaterThan(from.y)
    // Truck, pedestal and crane go the way their name says, with no arrow.
    expect(at([move('truck-left', null)], 1).x).toBeGreaterThan(0)
    expect(at([move('pedestal-up', null)], 1).y).toBeGreaterThan(0)
    expect(at([move('crane-down', null)], 1).y).toBeLessThan(0)
    // Chosen in the inspector (no arrow, no speed), a pan still plays: to the right.
    expect(at([move('pan', null, null)], 1).x).toBeLessThan(0)
  })

  it('pushes in steadily on a dolly or zoom in, and pulls back from pushed in on one out', () => {
    const steps = Array.from({ length: 21 }, (_, i) => i / 20)
    for (const kind of ['dolly-in', 'zoom-in'] as const) {
      const scales = steps.map((p) => at([move(kind)], p).scale)
      expect(scales.every((s, i) => i === 0 || s > scales[i - 1]!), kind).toBe(true)
      expect(scales[0]).toBe(1)
    }
    const out = steps.map((p) => at([move('dolly-out')], p).scale)
    expect(out.every((s, i) => i === 0 || s < out[i - 1]!)).toBe(true)
    expect(out.at(-1)).toBe(1)
    expect(at([move('steadicam')], 1).scale).toBeGreaterThan(at([move('steadicam')], 0).scale)
  })

  it('turns the view the roll’s way: clockwise turns the picture anticlockwise on screen', () => {
    expect(at([move('roll', 0)], 0).rotation).toBe(0)
    expect(at([move('roll', 0)], 1).rotation).toBeLessThan(0)
    expect(at([move('roll', 180)], 1).rotation).toBeGreaterThan(0)
  })

  it('moves further the faster the move', () => {
    const travel = (speed: number) => at([move('pan', 0, speed)], 0).x - at([move('pan', 0, speed)], 1).x
    expect(travel(0.1)).toBeGreaterThan(0)
    expect(travel(0.5)).toBeGreaterThan(travel(0.1))
    expect(travel(1)).toBeGreaterThan(travel(0.5))
    const push = (speed: number) => at([move('zoom-in', null, speed)], 1).scale
    expect(push(1)).toBeGreaterThan(push(0))
  })

  it('starts and settles slowly, holds its start before the shot and its end past it', () => {
    const x = (p: number) => at([move('pan', 0)], p).x
    expect(Math.abs(x(0.01) - x(0))).toBeLessThan(Math.abs(x(0.51) - x(0.5)) / 10)
    expect(Math.abs(x(1) - x(0.99))).toBeLessThan(Math.abs(x(0.51) - x(0.5)) / 10)
    const s = shot([move('pan', 0)])
    expect(cameraFramingAt(s, 9, WIDE)).toEqual(cameraFraming(s, 1, WIDE))
    expect(cameraFramingAt(s, -1, WIDE)).toEqual(cameraFraming(s, 0, WIDE))
  })

  it('combines several moves on one shot: a pan and a push in', () => {
    const [from, to] = [at([move('pan', 0), move('dolly-in')], 0), at([move('pan', 0), move('dolly-in')], 1)]
    expect(to.x).toBeLessThan(from.x)
    expect(to.scale).toBeGreaterThan(from.scale)
  })

  it('shakes a handheld shot the same way for every viewer, and each shot its own way', () => {
    const path = (id: string) => Array.from({ length: 30 }, (_, i) => cameraFraming(shot([move('handheld')], id), i / 29, WIDE))
    expect(path('shape:a')).toEqual(path('shape:a'))
    expect(path('shape:a')).not.toEqual(path('shape:b'))
    const xs = path('shape:a').map((f) => f!.x)
    expect(Math.max(...xs) - Math.min(...xs), 'it moves').toBeGreaterThan(0.002)
    expect(Math.max(...xs.map(Math.abs)), 'but only a little').toBeLessThan(0.05)
  })

  it('leaves a picture with no move that reframes it alone', () => {
    expect(cameraFraming(shot([]), 0.5, WIDE)).toBeNull()
    expect(cameraFraming(shot([move('rack-focus')]), 0.5, WIDE)).toBeNull()
  })

  it('always covers the frame, for every kind, way, speed, aspect ratio and instant, alone or combined', () => {
    const kinds = MOTION_KIND_IDS.filter((k): k is CameraMoveKind => k !== 'subject')
    const ways = [null, 0, 45, 90, 135, 180, 225, 270, 315]
    const speeds = [0, 0.25, 0.5, 0.75, 1]
    const instants = Array.from({ length: 41 }, (_, i) => i / 40)
    const single = kinds.flatMap((kind) => ways.flatMap((way) => speeds.map((speed) => [move(kind, way, speed)])))
    const combined = speeds.map((speed) => [move('whip-pan', 45, speed), move('roll', 180, speed), move('handheld', 90, speed), move('crane-up', null, speed), move('dolly-out', null, speed)])
    let checked = 0
    for (const aspect of ASPECT_RATIO_IDS.map(aspectRatioValue)) {
      for (const moves of [...single, ...combined]) {
        for (const p of instants) {
          const framing = cameraFraming(shot(moves), p, aspect)
          if (!framing) continue
          checked++
          if (!covers(framing, aspect)) expect.fail(`${JSON.stringify(moves)} at ${p} in ${aspect}: ${JSON.stringify(framing)}`)
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000)
  })
})

describe('stillPictureStyle', () => {
  type Affine = [number, number, number, number, number, number]
  const mul = ([a, b, c, d, e, f]: Affine, [A, B, C, D, E, F]: Affine): Affine => [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f]
  /** A CSS transform list as one matrix, in a `box` with the origin at its centre (CSS's default transform origin). */
  function cssMatrix(transform: string | undefined, box: { width: number; height: number }): Affine {
    let m: Affine = [1, 0, 0, 1, 0, 0]
    for (const [, fn, args] of (transform ?? '').matchAll(/(translate|rotate|scale)\(([^)]*)\)/g)) {
      const v = args!.split(',').map((a) => parseFloat(a))
      if (fn === 'translate') m = mul(m, [1, 0, 0, 1, (v[0]! / 100) * box.width, (v[1]! / 100) * box.height])
      if (fn === 'scale') m = mul(m, [v[0]!, 0, 0, v[0]!, 0, 0])
      if (fn === 'rotate') {
        const r = (v[0]! * Math.PI) / 180
        m = mul(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0])
      }
    }
    return m
  }

  it('moves the reframed picture, and no edge shows for any move over any framing', () => {
    const box = { width: 16, height: 9 }
    const picture = { width: 32, height: 9 } // covers the box 2× as wide at zoom 1
    const moves = [[move('whip-pan', 0, 1)], [move('roll', 180, 1)], [move('handheld', 90, 1), move('crane-up', null, 1)], [move('dolly-out', null, 1)]]
    const framings = [null, { zoom: 1, x: 0, y: 0.5 }, { zoom: 4, x: 1, y: 0 }, { zoom: 2.5, x: 0.3, y: 1 }]
    let checked = 0
    for (const pictureFraming of framings) {
      for (const m of moves) {
        for (let i = 0; i <= 20; i++) {
          const style = stillPictureStyle(cameraFraming(shot(m), i / 20, WIDE), pictureFraming)
          // Where object-fit: cover and the object position put the picture, centred coordinates.
          const [px, py] = (style.objectPosition ?? '50% 50%').split(' ').map((p) => parseFloat(p) / 100) as [number, number]
          const scale = Math.max(box.width / picture.width, box.height / picture.height)
          const [w, h] = [picture.width * scale, picture.height * scale]
          const left = px * (box.width - w) - box.width / 2
          const top = py * (box.height - h) - box.height / 2
          // Each corner of the frame, taken back through the transform, lands on the picture.
          const [a, b, c, d, e, f] = cssMatrix(style.transform, box)
          const det = a * d - b * c
          for (const [x, y] of [[-8, -4.5], [8, -4.5], [-8, 4.5], [8, 4.5]] as const) {
            const qx = (d * (x - e) - c * (y - f)) / det
            const qy = (-b * (x - e) + a * (y - f)) / det
            if (qx < left - 1e-6 || qx > left + w + 1e-6 || qy < top - 1e-6 || qy > top + h + 1e-6) {
              expect.fail(`edge shows: ${JSON.stringify({ m, pictureFraming, i, style })}`)
            }
            checked++
          }
        }
      }
    }
    expect(checked).toBe(4 * 4 * 21 * 4)
  })

  it('puts the camera’s transform in front of the reframe’s, and leaves a shot with neither alone', () => {
    const camera = cameraFraming(shot([move('pan', 0, 1)]), 0, WIDE)
    const style = stillPictureStyle(camera, { zoom: 2, x: 0, y: 0.5 })
    expect(style.transform).toMatch(/^translate\(-?[\d.]+%, -?[\d.]+%\) rotate\(0deg\) scale\([\d.]+\) translate\(-50%, 0%\) scale\(2\)/)
    expect(style.objectPosition).toBe('0% 50%')
    expect(stillPictureStyle(null, null)).toEqual({})
  })
})
