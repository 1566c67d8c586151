import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import type { SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { sceneTitleParts } from '../scenes/sceneTitle'

/**
 * How wide a scene's heading in the strip is drawn, measured with the strip's own fonts (the
 * sizes and spacing of `.strip-group__*` in sequence.css), so an empty scene's band can be made
 * wide enough to show it whole.
 */

/** The strip's font stack when the page cannot tell (sequence.css's fallback). */
const FALLBACK_FAMILY = "system-ui, -apple-system, 'Segoe UI', sans-serif"
/** The button's side padding (6 each side), and a little for rounding and sub-pixel text. */
const HEADING_CHROME = 12 + 4
/** Between the heading's parts. */
const PART_GAP = 6

let context: CanvasRenderingContext2D | null | undefined

function textWidth(text: string, font: string): number {
  if (context === undefined) {
    // jsdom (unit tests) has no canvas: estimate there.
    const canvas = typeof document === 'undefined' || /jsdom/i.test(navigator.userAgent) ? null : document.createElement('canvas')
    context = canvas?.getContext('2d') ?? null
  }
  if (!context) return text.length * 7
  context.font = font
  return context.measureText(text).width
}

/** The width of the heading of `scene`, number `sceneNumber`, with `shotCount` shots running `seconds`. */
export function stripHeadingWidth(
  scene: SceneRecord,
  sceneNumber: number,
  shotCount: number,
  seconds: number,
  family = FALLBACK_FAMILY,
): number {
  const { name, slugline } = sceneTitleParts(scene)
  const parts: number[] = [Math.max(16, textWidth(String(sceneNumber), `700 12px ${family}`)) + 8]
  if (name || !slugline) parts.push(textWidth(name || 'Untitled scene', `${name ? '' : 'italic '}${name ? 600 : 400} 11px ${family}`))
  if (slugline) {
    const upper = slugline.toUpperCase()
    parts.push(textWidth(upper, `400 11px ${family}`) + upper.length * 0.22)
  }
  parts.push(textWidth(`${shotCount} · ${formatRuntime(seconds)}`, `400 11px ${family}`))
  return HEADING_CHROME + parts.reduce((sum, w) => sum + w, 0) + PART_GAP * (parts.length - 1)
}
