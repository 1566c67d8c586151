import { TITLE_SAFE } from '@storyloom/shared/storyboard/frameGuides'
import { captionLabelBottom, captionSize } from './drawShotFrame'
import { editRate, recordTimecode } from './editExport/editRate'

/** Fixed-width digits, so the timecode does not shift as it counts. */
const MONO_FONT = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'
const PLATE = 'rgba(0, 0, 0, 0.6)'
const TEXT = '#fff'

/**
 * What the video burns into frame `frame` (0-based) of shot `shotNumber`: "1.2  01:00:03:12",
 * the record timecode at `fps` from 01:00:00:00, non-drop-frame, as the edit XML and EDL of
 * Export for editing count it, so a note on the video finds the same frame in the edit.
 */
export function timecodeLabel(shotNumber: string, frame: number, fps: number): string {
  return `${shotNumber}  ${recordTimecode(frame, editRate(fps))}`
}

/** The timecode's text size in pixels in a frame `height` tall: the captions' size. */
export function timecodeSize(height: number): number {
  return captionSize(height)
}

/** Where the timecode's plate and text go in a frame (pixels). */
export interface TimecodePlate {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** The text is drawn right-aligned to `textRight`, vertically centred on `textMiddle`, squeezed into `maxTextWidth`. */
  readonly textRight: number
  readonly textMiddle: number
  readonly maxTextWidth: number
}

/**
 * The plate for a label `textWidth` wide (at {@link timecodeSize}) in a `width`×`height` frame: in
 * the top right corner of the title-safe area (the frame guides' one), below the caption with the
 * shot's number and title, never wider than the title-safe area.
 */
export function timecodePlate({ width, height }: { width: number; height: number }, textWidth: number): TimecodePlate {
  const size = timecodeSize(height)
  const pad = size / 2
  const margin = (1 - TITLE_SAFE) / 2
  const right = width * (1 - margin)
  const y = Math.max(height * margin, captionLabelBottom(height) + pad)
  const plateWidth = Math.min(textWidth + 2 * pad, width * TITLE_SAFE)
  const plateHeight = size * 1.6
  return { x: right - plateWidth, y, width: plateWidth, height: plateHeight, textRight: right - pad, textMiddle: y + plateHeight / 2, maxTextWidth: plateWidth - 2 * pad }
}

/** Burns `label` (see {@link timecodeLabel}) into the frame on `ctx`: light text on a translucent dark plate, top right. */
export function drawTimecode(ctx: CanvasRenderingContext2D, label: string): void {
  const { width, height } = ctx.canvas
  ctx.save()
  ctx.font = `600 ${timecodeSize(height)}px ${MONO_FONT}`
  const plate = timecodePlate({ width, height }, ctx.measureText(label).width)
  ctx.fillStyle = PLATE
  ctx.fillRect(plate.x, plate.y, plate.width, plate.height)
  ctx.fillStyle = TEXT
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  ctx.fillText(label, plate.textRight, plate.textMiddle, plate.maxTextWidth)
  ctx.restore()
}
