/**
 * Greeking: below a zoom where a shot panel's small text (10–13 px, mostly 11–12 px) would be
 * under about 4 px on screen, the panel draws its text runs as grey bars instead, one per line
 * (see `ShotPanel`). Glyphs that small cannot be read, and drawing them costs paint and raster
 * time on every shot in view.
 */

import type { Editor, Signal } from 'tldraw'
import { editorMirror } from './editorMirror'

/** Below this zoom shots are greeked: 12 px text is 4.2 px on screen, 10 px is 3.5 px. */
export const GREEK_ZOOM = 0.35

/** Whether a shot's text is drawn as bars at this zoom. */
export function isGreekZoom(zoom: number): boolean {
  return zoom < GREEK_ZOOM
}

/**
 * Whether shots are greeked now, one signal for every panel. It follows tldraw's efficient
 * zoom, which on a board of more than 500 shapes holds still while the camera moves, so the
 * bars come and go when a zoom settles; as a mirror ({@link editorMirror}) the panels are not
 * re-checked on every camera step.
 */
export function shotsGreekedOf(editor: Editor): Signal<boolean> {
  return editorMirror(editor, 'shots greeked', () => isGreekZoom(editor.getEfficientZoomLevel()))
}

/** Average advance of a 12 px sans-serif character, in page units (for line estimates). */
const CHAR_WIDTH = 6.2

/**
 * How many bars stand for a paragraph of `text` in a block `width` page units wide: the
 * lines it would wrap to, at most `maxLines` (the panel clamps action and dialogue to two).
 * Each bar's width is a percentage of the block; the last bar is as long as its line.
 */
export function greekBars(text: string, width: number, maxLines = 2): number[] {
  if (!text || width <= 0) return []
  const perLine = Math.max(1, Math.floor(width / CHAR_WIDTH))
  const lines = Math.ceil(text.length / perLine)
  if (lines > maxLines) return Array.from({ length: maxLines }, () => 100)
  const last = Math.max(10, Math.round(((text.length - (lines - 1) * perLine) / perLine) * 100))
  return [...Array.from({ length: lines - 1 }, () => 100), last]
}
