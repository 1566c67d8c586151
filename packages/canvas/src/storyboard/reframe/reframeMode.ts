import { atom, type Atom, type Editor } from 'tldraw'
import type { PictureFraming, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { MAX_PICTURE_ZOOM } from '@storyloom/shared/storyboard/limits'
import { framingOf, isCentredFraming } from '../pictureFraming'

/**
 * Which shot's frame is a drag surface for its picture (the inspector's Reframe button), on this
 * page only: null when none. Local, like a tool: turning it on changes nothing for anyone else.
 */
const modes = new WeakMap<Editor, Atom<string | null>>()

/** The shot being reframed on `editor`'s page, if any. */
export function reframingShotOf(editor: Editor): Atom<string | null> {
  let mode = modes.get(editor)
  if (!mode) modes.set(editor, (mode = atom('reframing shot', null)))
  return mode
}

/** Writes `shotId`'s framing for everyone (a centred, just covering one as null, the look of a shot never reframed). */
export function setPictureFraming(editor: Editor, shotId: TLShotShape['id'], framing: PictureFraming | null): void {
  const pictureFraming = framing === null || isCentredFraming(framing) ? null : framingOf(framing)
  editor.updateShape<TLShotShape>({ id: shotId, type: 'shot', props: { pictureFraming } })
}

/** A zoom typed in percent (100–400; "150%" too): the board never shows a picture smaller than its frame. */
export function parseZoomPercent(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\s*%$/, '')
  const percent = Number(trimmed)
  const most = MAX_PICTURE_ZOOM * 100
  if (trimmed === '' || !Number.isFinite(percent)) return { ok: false, message: `Zoom must be a percentage from 100 to ${most}.` }
  if (percent < 100) return { ok: false, message: 'Zoom must be at least 100% (the picture just covering the frame).' }
  if (percent > most) return { ok: false, message: `Zoom can be at most ${most}%.` }
  return { ok: true, value: percent }
}

/** How far one arrow press moves the picture along its spare travel (Shift: further). */
export const NUDGE = 0.05
export const BIG_NUDGE = 0.25

/**
 * The framing after an arrow key in reframe mode, or null for another key. An arrow moves the
 * picture the way it points, as dragging it does (tldraw's arrows move a shape so too).
 */
export function nudgedFraming(framing: PictureFraming | null, key: string, shift: boolean): PictureFraming | null {
  const step = shift ? BIG_NUDGE : NUDGE
  const way = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[key]
  if (!way) return null
  const { zoom, x, y } = framingOf(framing)
  const clamp = (v: number) => Math.min(1, Math.max(0, v))
  return { zoom, x: clamp(x + way[0]! * step), y: clamp(y + way[1]! * step) }
}
