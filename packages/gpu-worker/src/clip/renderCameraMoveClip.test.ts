import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MOTION_KIND_IDS, type MotionKind } from '@storyloom/shared/storyboard/motionShape'
import { GenerationCanceledError, InvalidGenerationParamsError } from '../errors'
import type { RgbImage } from '../pipeline/rgbImage'
import type { ClipMotion } from './cameraPose'
import { renderCameraMoveClip } from './renderCameraMoveClip'

const W = 160
const H = 90

/** A keyframe whose red grows to the right, green grows downwards, and blue grows away from the centre. */
function testKeyframe(): RgbImage {
  const data = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3
      const r = Math.hypot((x - W / 2) / (W / 2), (y - H / 2) / (H / 2)) / Math.SQRT2
      data[i] = Math.round((255 * x) / (W - 1))
      data[i + 1] = Math.round((255 * y) / (H - 1))
      data[i + 2] = Math.round(255 * r)
    }
  }
  return { width: W, height: H, data }
}

/** Fine detail, like a generated image's: a 2-pixel checker over mid grey. */
function texturedKeyframe(): RgbImage {
  const data = new Uint8Array(W * H * 3)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data.fill(((x >> 1) + (y >> 1)) & 1 ? 190 : 70, (y * W + x) * 3, (y * W + x) * 3 + 3)
  return { width: W, height: H, data }
}

const move = (kind: MotionKind, extra: Partial<ClipMotion> = {}): ClipMotion => ({ kind, direction: 0, speed: 0.5, strength: 0.5, path: [], ...extra })

/** The clip decoded back into frames, as a viewer would see them. */
async function decode(bytes: Buffer) {
  const meta = await sharp(bytes, { pages: -1 }).metadata()
  const { data, info } = await sharp(bytes, { pages: -1 }).raw().toBuffer({ resolveWithObject: true })
  const frameHeight = meta.pageHeight ?? info.height
  const frameBytes = info.width * frameHeight * info.channels
  const frames = Array.from({ length: meta.pages ?? 1 }, (_, i) => data.subarray(i * frameBytes, (i + 1) * frameBytes))
  /** Mean of one channel of a frame, optionally only over its outer border (5% of each side). */
  const mean = (frame: Uint8Array | Buffer, channel: number, borderOnly = false) => {
    let sum = 0
    let n = 0
    const bx = Math.ceil(info.width * 0.05)
    const by = Math.ceil(frameHeight * 0.05)
    for (let y = 0; y < frameHeight; y++) {
      for (let x = 0; x < info.width; x++) {
        if (borderOnly && x >= bx && x < info.width - bx && y >= by && y < frameHeight - by) continue
        sum += frame[(y * info.width + x) * info.channels + channel] as number
        n++
      }
    }
    return sum / n
  }
  return { meta, frames, mean, width: info.width, height: frameHeight }
}

describe('renderCameraMoveClip', () => {
  it('renders fps × duration frames at the asked size as a looping animated WebP', async () => {
    // With texture every frame differs from the one before.
    const clip = await renderCameraMoveClip(texturedKeyframe(), [move('pan')], { fps: 12, durationSeconds: 2, width: 128, height: 72 })
    expect(clip).toMatchObject({ mediaType: 'image/webp', frames: 24, width: 128, height: 72, notes: [] })
    const { meta, frames, width, height } = await decode(clip.bytes)
    expect(meta.format).toBe('webp')
    expect(frames).toHaveLength(24)
    expect([width, height]).toEqual([128, 72])
    expect(meta.loop).toBe(0)
    // 83 or 84 ms each, adding up to the shot's two seconds.
    expect(meta.delay?.every((d) => d === 83 || d === 84)).toBe(true)
    expect(meta.delay?.reduce((sum, d) => sum + d, 0)).toBe(2000)
  })

  it("keeps the clip's length when the encoder merges identical frames", async () => {
    const clip = await renderCameraMoveClip(testKeyframe(), [move('zoom-in', { speed: 0 })], { fps: 30, durationSeconds: 1.5 })
    const { meta } = await decode(clip.bytes)
    expect(clip.frames).toBe(45)
    expect(meta.delay?.reduce((sum, d) => sum + d, 0)).toBe(1500)
  })

  it('pans and tilts the way the annotation points', async () => {
    const cases: [string, ClipMotion, number, 1 | -1][] = [
      ['pan right', move('pan', { direction: 0 }), 0, 1],
      ['pan left', move('pan', { direction: 180 }), 0, -1],
      ['tilt down', move('tilt', { direction: 90 }), 1, 1],
      ['pedestal up', move('pedestal-up', { direction: 0 }), 1, -1],
      ['truck left', move('truck-left'), 0, -1],
    ]
    for (const [what, motion, channel, sign] of cases) {
      const { frames, mean } = await decode((await renderCameraMoveClip(testKeyframe(), [motion], { fps: 8, durationSeconds: 1 })).bytes)
      const shift = mean(frames.at(-1)!, channel) - mean(frames[0]!, channel)
      // Red grows to the right and green downwards: a camera moving right ends on redder content.
      expect(Math.sign(shift), what).toBe(sign)
      expect(Math.abs(shift), what).toBeGreaterThan(5)
      // The cross axis stays put.
      expect(Math.abs(mean(frames.at(-1)!, 1 - channel) - mean(frames[0]!, 1 - channel)), what).toBeLessThan(2)
    }
  })

  it('zooms and dollies in towards the centre, and out away from it', async () => {
    for (const [kind, sign] of [['zoom-in', -1], ['dolly-in', -1], ['zoom-out', 1], ['dolly-out', 1]] as const) {
      const { frames, mean } = await decode((await renderCameraMoveClip(testKeyframe(), [move(kind)], { fps: 8, durationSeconds: 1.5 })).bytes)
      // Blue is the distance from the centre: moving in, the frame's border shows content nearer the centre.
      const change = mean(frames.at(-1)!, 2, true) - mean(frames[0]!, 2, true)
      expect(Math.sign(change), kind).toBe(sign)
      expect(Math.abs(change), kind).toBeGreaterThan(5)
    }
  })

  it('moves a dolly with parallax, unlike a zoom', async () => {
    const render = async (kind: MotionKind) => decode((await renderCameraMoveClip(testKeyframe(), [move(kind, { speed: 1, strength: 1 })], { fps: 4, durationSeconds: 2 })).bytes)
    const zoom = await render('zoom-in')
    const dolly = await render('dolly-in')
    // Same scale at the centre, but the dolly's edges have grown more.
    expect(dolly.mean(dolly.frames.at(-1)!, 2, true)).toBeLessThan(zoom.mean(zoom.frames.at(-1)!, 2, true) - 1)
  })

  it('renders every camera move, each visibly moving, the same way every time', async () => {
    for (const kind of MOTION_KIND_IDS.filter((k) => k !== 'subject')) {
      const options = { fps: 4, durationSeconds: 1 }
      const clip = await renderCameraMoveClip(texturedKeyframe(), [move(kind, { direction: 30 })], options)
      const { frames } = await decode(clip.bytes)
      let differing = 0
      for (let i = 0; i < frames[0]!.length; i++) if (Math.abs((frames[0]![i] as number) - (frames.at(-1)![i] as number)) > 8) differing++
      expect(differing, kind).toBeGreaterThan(frames[0]!.length * 0.05)
      const again = await renderCameraMoveClip(texturedKeyframe(), [move(kind, { direction: 30 })], options)
      expect(again.bytes.equals(clip.bytes), kind).toBe(true)
    }
  })

  it('composes several moves and notes the subject paths it does not render', async () => {
    const clip = await renderCameraMoveClip(testKeyframe(), [move('pan'), move('zoom-in'), move('subject', { path: [{ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }] })], { fps: 4, durationSeconds: 1 })
    expect(clip.frames).toBe(4)
    expect(clip.notes).toEqual(['Subject motion paths are not rendered in clips; only camera moves are.'])
  })

  it('stops between frames when canceled', async () => {
    let framesAsked = 0
    const signal = {
      get aborted() {
        return ++framesAsked > 3
      },
    }
    await expect(renderCameraMoveClip(testKeyframe(), [move('pan')], { fps: 24, durationSeconds: 2, signal })).rejects.toBeInstanceOf(GenerationCanceledError)
    expect(framesAsked).toBe(4)
  })

  it('refuses a clip with no camera move to show', async () => {
    await expect(renderCameraMoveClip(testKeyframe(), [], { fps: 12, durationSeconds: 1 })).rejects.toThrow(/a clip needs a camera move: this shot has no motion annotation/u)
    await expect(renderCameraMoveClip(testKeyframe(), [move('subject')], { fps: 12, durationSeconds: 1 })).rejects.toThrow(/only has subject motion paths/u)
  })

  it('refuses bad options and bad motions with a message saying what to change', async () => {
    const keyframe = testKeyframe()
    const refusals: [Parameters<typeof renderCameraMoveClip>[1], Parameters<typeof renderCameraMoveClip>[2], RegExp][] = [
      [[move('pan')], { fps: 0, durationSeconds: 1 }, /fps must be a whole number from 1 to 60, got 0/u],
      [[move('pan')], { fps: 12.5, durationSeconds: 1 }, /fps must be a whole number/u],
      [[move('pan')], { fps: 12, durationSeconds: 0 }, /a clip lasts more than 0 and at most 30 seconds, got 0/u],
      [[move('pan')], { fps: 12, durationSeconds: 1, width: 100_000 }, /clip width must be a whole number of pixels from 16 to 2048, got 100000/u],
      [[move('pan')], { fps: 60, durationSeconds: 30, width: 2048, height: 2048 }, /1800 frames of 2048×2048 is too much to render at once/u],
      [[move('pan', { speed: 2 })], { fps: 12, durationSeconds: 1 }, /motion 1: speed: Expected a number between 0 and 1, got 2/u],
      [[move('pan'), { ...move('pan'), kind: 'moonwalk' as MotionKind }], { fps: 12, durationSeconds: 1 }, /motion 2: kind: Expected "pan" or .* got moonwalk/u],
    ]
    for (const [motions, options, message] of refusals) {
      const error = await renderCameraMoveClip(keyframe, motions, options).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidGenerationParamsError)
      expect((error as Error).message).toMatch(message)
    }
    await expect(renderCameraMoveClip({ width: 10, height: 10, data: new Uint8Array(5) }, [move('pan')], { fps: 12, durationSeconds: 1 })).rejects.toThrow(/the keyframe must be RGB/u)
  })
})
