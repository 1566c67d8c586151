/**
 * Greeking: below a zoom where a shot panel's small text (10–13 px, mostly 11–12 px) would be
 * under about 4 px on screen, the panel draws its text runs as grey bars instead, one per line
 * (see `ShotPanel`). Glyphs that small cannot be read, and drawing them costs paint and raster
 * time on every shot in view.
 */

import type { Editor, Signal } from 'tldraw'
import { editorMirror } from './editorMirror'
import { SHOT_TEXT_LINES, estimatedLines } from './shotTextLines'

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

/**
 * The bars that stand for a paragraph of `text` in a block `width` page units wide: one per
 * line it runs to (typed breaks and wrapping, see {@link estimatedLines}), at most `maxLines`
 * (the lines the panel shows of it). Each bar's width is a percentage of the block, as long
 * as its line; an empty line is a gap.
 */
export function greekBars(text: string, width: number, maxLines = SHOT_TEXT_LINES): number[] {
  return estimatedLines(text, width)
    .slice(0, maxLines)
    .map((fraction) => (fraction === 0 ? 0 : Math.max(10, Math.round(fraction * 100))))
}
