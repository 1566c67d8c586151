import type { RgbImage } from '../pipeline/rgbImage'
import type { CameraPose } from './cameraPose'

/** How the clip's frames sit on the keyframe: output size, cover scale and overscan. */
export type Framing = {
  outWidth: number
  outHeight: number
  /** Output pixels per keyframe pixel at zoom 1 (the keyframe covers the output, cropped to its aspect). */
  cover: number
  /** Extra zoom, the same for every frame, so that no frame's window ever leaves the keyframe. */
  overscan: number
}

// Offsets are kept this far from the keyframe's edge so the overscan stays finite.
const MAX_OFFSET = 0.45

/**
 * The framing of a clip: the smallest constant overscan for which every pose's window (moved,
 * zoomed and rotated) stays inside the keyframe, so no frame shows an empty or smeared edge.
 */
export function frameFor(keyframe: RgbImage, outWidth: number, outHeight: number, poses: readonly CameraPose[]): Framing {
  const cover = Math.max(outWidth / keyframe.width, outHeight / keyframe.height)
  let overscan = 1
  for (const pose of poses) {
    const cos = Math.abs(Math.cos(pose.rotation))
    const sin = Math.abs(Math.sin(pose.rotation))
    // Half extents of the rotated window in keyframe pixels, before overscan.
    const ex = ((outWidth / 2) * cos + (outHeight / 2) * sin) / (cover * pose.zoom)
    const ey = ((outWidth / 2) * sin + (outHeight / 2) * cos) / (cover * pose.zoom)
    const roomX = keyframe.width * (0.5 - Math.min(MAX_OFFSET, Math.abs(pose.offsetX)))
    const roomY = keyframe.height * (0.5 - Math.min(MAX_OFFSET, Math.abs(pose.offsetY)))
    overscan = Math.max(overscan, ex / roomX, ey / roomY)
  }
  return { outWidth, outHeight, cover, overscan }
}

/**
 * Renders one frame of the clip into `out` (RGB, `outWidth` × `outHeight`): each output pixel
 * is mapped through the pose onto the keyframe and sampled bilinearly. With a rack focus,
 * `blurred` (the keyframe, defocused) is mixed in where the frame is out of focus.
 */
export function warpFrame(keyframe: RgbImage, blurred: RgbImage | null, pose: CameraPose, framing: Framing, out: Uint8Array): void {
  const { outWidth: w, outHeight: h } = framing
  const W = keyframe.width
  const H = keyframe.height
  const src = keyframe.data
  const soft = pose.focus !== null ? blurred?.data ?? null : null
  const cx = W / 2 + Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, pose.offsetX)) * W
  const cy = H / 2 + Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, pose.offsetY)) * H
  const cos = Math.cos(pose.rotation)
  const sin = Math.sin(pose.rotation)
  const base = framing.cover * framing.overscan
  // Parallax: the local zoom grows with the distance from the frame's centre (r² in [0, 1]).
  const parallax = pose.parallax * (pose.zoom - 1)
  const halfW = w / 2
  const halfH = h / 2
  // Without parallax the map is affine: step the source position along each row instead of
  // recomputing it (most moves; about a third faster).
  const affine = parallax === 0
  const inv = 1 / (base * pose.zoom)
  let o = 0
  for (let y = 0; y < h; y++) {
    const v = y + 0.5 - halfH
    const vn = (v / halfH) ** 2
    let ax = (-halfW + 0.5) * cos * inv - v * sin * inv + cx - 0.5
    let ay = (-halfW + 0.5) * sin * inv + v * cos * inv + cy - 0.5
    const stepX = cos * inv
    const stepY = sin * inv
    for (let x = 0; x < w; x++, o += 3, ax += stepX, ay += stepY) {
      const u = x + 0.5 - halfW
      const r2 = affine && !soft ? 0 : ((u / halfW) ** 2 + vn) / 2
      let sx: number
      let sy: number
      if (affine) {
        sx = ax
        sy = ay
      } else {
        const scale = base * (pose.zoom + parallax * r2)
        sx = (u * cos - v * sin) / scale + cx - 0.5
        sy = (u * sin + v * cos) / scale + cy - 0.5
      }
      sx = sx < 0 ? 0 : sx > W - 1 ? W - 1 : sx
      sy = sy < 0 ? 0 : sy > H - 1 ? H - 1 : sy
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      const x1 = x0 + 1 < W ? x0 + 1 : x0
      const y1 = y0 + 1 < H ? y0 + 1 : y0
      const fx = sx - x0
      const fy = sy - y0
      const i00 = (y0 * W + x0) * 3
      const i10 = (y0 * W + x1) * 3
      const i01 = (y1 * W + x0) * 3
      const i11 = (y1 * W + x1) * 3
      // Out of focus: near the edges at focus 0, near the centre at focus 1.
      const blur = soft ? Math.min(1, Math.max(0, (pose.focus as number) + Math.sqrt(r2) * (1 - 2 * (pose.focus as number)))) : 0
      for (let c = 0; c < 3; c++) {
        const top = (src[i00 + c] as number) + ((src[i10 + c] as number) - (src[i00 + c] as number)) * fx
        const bottom = (src[i01 + c] as number) + ((src[i11 + c] as number) - (src[i01 + c] as number)) * fx
        let value = top + (bottom - top) * fy
        if (soft && blur > 0) {
          const sTop = (soft[i00 + c] as number) + ((soft[i10 + c] as number) - (soft[i00 + c] as number)) * fx
          const sBottom = (soft[i01 + c] as number) + ((soft[i11 + c] as number) - (soft[i01 + c] as number)) * fx
          value += (sTop + (sBottom - sTop) * fy - value) * blur
        }
        out[o + c] = value + 0.5
      }
    }
  }
}
