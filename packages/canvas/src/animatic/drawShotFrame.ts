import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { PresentationShot } from '../presentation/presentationShots'
import { shotTitleText } from '../storyboard/shotTitleText'
import type { TransitionBlend } from '../presentation/shotTransition'
import type { CameraFraming } from '../presentation/cameraMotion'
import type { PictureFrame } from './shotPictureSource'
import { framedSourceRect } from '../storyboard/pictureFraming'

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** `ratio` (width / height) as large as fits `box`, centred in it. */
function contain(box: Rect, ratio: number): Rect {
  const width = Math.min(box.width, box.height * ratio)
  const height = width / ratio
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height }
}

const BACKGROUND = '#000'
const PAPER = '#fff'
const CARD = '#2b2b30'
const CARD_TEXT = '#c8c8cc'
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

/**
 * A shot's picture as drawn into a frame (see openShotPicture), moved in it by the shot's camera
 * moves when `framing` is set (cameraMotion.ts, as Present's stage); null for its placeholder card.
 */
export type FramePicture = { kind: 'media' | 'sketch'; frame: PictureFrame; framing?: CameraFraming | null } | null

/** The shot before, drawn under the one coming in, blended as the transition says (shotTransition.ts). */
export interface FrameTransition {
  /** Null before the first shot: it comes in from black. */
  readonly outgoing: { shot: PresentationShot; picture: FramePicture } | null
  readonly blend: TransitionBlend
}

/**
 * One video frame of `shot`: its frame (its aspect ratio) letterboxed in black into the video,
 * showing its picture cropped to the frame as the shot is reframed (centred when it is not), its sketch on white paper, or — with
 * no picture — a card with what happens in it, as Present shows. With `captions`, the shot's
 * number and title at the top and its dialogue at the bottom, as on Present's stage. During a
 * `transition` the shot before is drawn first and this one over it, faded or wiped in as
 * Present's stage blends them at the same time.
 */
export function drawShotFrame(ctx: CanvasRenderingContext2D, shot: PresentationShot, picture: FramePicture, captions: boolean, transition: FrameTransition | null = null): void {
  const { width, height } = ctx.canvas
  ctx.fillStyle = BACKGROUND
  ctx.fillRect(0, 0, width, height)
  if (!transition) {
    drawPicture(ctx, shot, picture)
  } else {
    const { outgoing, blend } = transition
    ctx.save()
    if (outgoing) {
      ctx.globalAlpha = blend.outgoingOpacity
      drawPicture(ctx, outgoing.shot, outgoing.picture)
    }
    // A wipe's edge crosses the whole video from the left, as it crosses Present's stage.
    ctx.beginPath()
    ctx.rect(0, 0, width * blend.incomingReveal, height)
    ctx.clip()
    ctx.globalAlpha = blend.incomingOpacity
    drawPicture(ctx, shot, picture)
    ctx.restore()
  }
  if (captions) drawCaptions(ctx, shot)
}

/**
 * `shot`'s frame letterboxed into the canvas (which is already filled with black): picture or
 * sketch, moved inside the frame by its framing, or card.
 */
function drawPicture(ctx: CanvasRenderingContext2D, shot: PresentationShot, picture: FramePicture): void {
  const { width, height } = ctx.canvas
  const ratio = aspectRatioValue(shot.aspect)
  const frame = contain({ x: 0, y: 0, width, height }, ratio)
  if (!picture) {
    ctx.fillStyle = CARD
    ctx.fillRect(frame.x, frame.y, frame.width, frame.height)
    drawLines(ctx, shot.action || 'No image yet', { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 }, frame.width * 0.8, height / 24, CARD_TEXT)
    return
  }
  ctx.save()
  if (picture.framing) moveInFrame(ctx, frame, picture.framing)
  const { image, width: w, height: h } = picture.frame
  if (picture.kind === 'media') {
    // The part the shot is reframed to (pictureFraming.ts, as every other renderer draws it); the camera moves it above.
    const source = framedSourceRect({ width: w, height: h }, frame, shot.pictureFraming)
    ctx.drawImage(image, source.x, source.y, source.width, source.height, frame.x, frame.y, frame.width, frame.height)
  } else {
    ctx.fillStyle = PAPER
    ctx.fillRect(frame.x, frame.y, frame.width, frame.height)
    const fitted = contain(frame, w / h)
    ctx.drawImage(image, fitted.x, fitted.y, fitted.width, fitted.height)
  }
  ctx.restore()
}

/** Clips to `frame` and moves what is drawn next in it as `framing` says, about its centre (as CSS `translate() rotate() scale()` on the stage). */
function moveInFrame(ctx: CanvasRenderingContext2D, frame: Rect, { x, y, rotation, scale }: CameraFraming): void {
  ctx.beginPath()
  ctx.rect(frame.x, frame.y, frame.width, frame.height)
  ctx.clip()
  const centre = { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 }
  ctx.translate(centre.x + x * frame.width, centre.y + y * frame.height)
  ctx.rotate((rotation * Math.PI) / 180)
  ctx.scale(scale, scale)
  ctx.translate(-centre.x, -centre.y)
}

/** The captions' text size in pixels, in a frame `height` tall. */
export function captionSize(height: number): number {
  return Math.round(height / 28)
}

/** Where the caption with the shot's number and title, at the top left, ends (its bottom edge, in pixels). */
export function captionLabelBottom(height: number): number {
  return captionSize(height) * 2.2
}

function drawCaptions(ctx: CanvasRenderingContext2D, shot: PresentationShot): void {
  const { width, height } = ctx.canvas
  const size = captionSize(height)
  ctx.font = `600 ${size}px ${FONT}`
  const label = `${shot.number}  ${shotTitleText(shot.title)}`
  const labelWidth = Math.min(ctx.measureText(label).width, width * 0.8)
  ctx.fillStyle = 'rgba(0, 0, 0, 0.6)'
  ctx.fillRect(size * 0.6, size * 0.6, labelWidth + size, size * 1.6)
  ctx.fillStyle = '#fff'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  ctx.fillText(label, size * 1.1, size * 1.4, width * 0.8)
  // A one-line caption is centred 2.5 text sizes above the bottom edge, inside the title-safe area;
  // a longer one keeps its last line there and grows upwards, as subtitles do.
  if (shot.dialogue) drawLines(ctx, shot.dialogue, { x: width / 2, y: height - size * 2.5, from: 'last line' }, width * 0.8, size, '#fff', 'rgba(0, 0, 0, 0.6)')
}

/**
 * `text` wrapped to `maxWidth` (at most four lines, the last cut with "…"), centred across `at.x`
 * and centred as a block on `at.y`, or with `from: 'last line'` its last line centred on `at.y`
 * and the others above it.
 */
function drawLines(
  ctx: CanvasRenderingContext2D,
  text: string,
  at: { x: number; y: number; from?: 'middle' | 'last line' },
  maxWidth: number,
  size: number,
  colour: string,
  backing?: string,
): void {
  ctx.font = `${size}px ${FONT}`
  const lines = wrap(ctx, text, maxWidth)
  const lineHeight = size * 1.3
  const top = at.from === 'last line' ? at.y + lineHeight / 2 - lines.length * lineHeight : at.y - (lines.length * lineHeight) / 2
  if (backing) {
    const widest = Math.max(...lines.map((line) => ctx.measureText(line).width))
    ctx.fillStyle = backing
    ctx.fillRect(at.x - widest / 2 - size / 2, top - size / 3, widest + size, lines.length * lineHeight + (size * 2) / 3)
  }
  ctx.fillStyle = colour
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  lines.forEach((line, i) => ctx.fillText(line, at.x, top + i * lineHeight, maxWidth))
}

const MAX_LINES = 4

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word
      if (line && ctx.measureText(next).width > maxWidth) {
        lines.push(line)
        line = word
      } else line = next
    }
    lines.push(line)
  }
  if (lines.length <= MAX_LINES) return lines
  return [...lines.slice(0, MAX_LINES - 1), `${lines[MAX_LINES - 1]}…`]
}
