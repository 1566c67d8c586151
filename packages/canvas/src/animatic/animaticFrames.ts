import { aspectRatioValue, type AspectRatio } from '@storyloom/shared/storyboard/vocabulary'

/** A shot's place in the exported video, in frames. */
export interface FrameSpan {
  readonly startFrame: number
  /** May be 0 only for a shot shorter than half a frame at a frame rate other than the board's. */
  readonly frames: number
}

/**
 * The shots of an animatic (the presentation model's timing, in seconds) as frames of a video at
 * `fps`. Each cut falls on the frame nearest its time in the animatic, so rounding never adds
 * up: the video ends within half a frame of the animatic, however many shots it has. At the
 * board's own frame rate (durations already whole frames) every shot keeps its exact length.
 */
export function animaticFrames(shots: readonly { seconds: number; startSeconds: number }[], fps: number): { spans: FrameSpan[]; totalFrames: number } {
  const at = (seconds: number) => Math.round(seconds * fps)
  const spans = shots.map((shot): FrameSpan => {
    const startFrame = at(shot.startSeconds)
    return { startFrame, frames: Math.max(0, at(shot.startSeconds + shot.seconds) - startFrame) }
  })
  const last = spans.at(-1)
  return { spans, totalFrames: last ? last.startFrame + last.frames : 0 }
}

/** The long side of an exported video (720p). */
const LONG_SIDE = 1280
const SHORT_SIDE = 720

/**
 * The exported video's size for the board's aspect ratio: as large as fits a 1280×720 frame (720×1280
 * for a vertical board), each side even, as video encoders want. `box` gives another size to fit
 * (the stills for an editor fit 1920×1080).
 */
export function videoFrameSize(aspect: AspectRatio, box: { long: number; short: number } = { long: LONG_SIDE, short: SHORT_SIDE }): { width: number; height: number } {
  const ratio = aspectRatioValue(aspect)
  const even = (n: number) => 2 * Math.round(n / 2)
  const [boxW, boxH] = ratio >= 1 ? [box.long, box.short] : [box.short, box.long]
  const scale = Math.min(boxW / ratio, boxH)
  return { width: even(scale * ratio), height: even(scale) }
}
