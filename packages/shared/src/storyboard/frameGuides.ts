import { idsOf } from './vocabulary'

/**
 * The composition guides a board draws over every shot's frame (a board setting, like its
 * frame rate): none, the rule of thirds, the safe areas, or both.
 */
export const FRAME_GUIDES = [
  { id: 'none', label: 'None' },
  { id: 'thirds', label: 'Thirds' },
  { id: 'safe', label: 'Safe areas' },
  { id: 'thirds-safe', label: 'Thirds + safe areas' },
] as const
/** A frame guides choice. */
export type FrameGuides = (typeof FRAME_GUIDES)[number]['id']
/** Every frame guides choice. */
export const FRAME_GUIDE_IDS = idsOf(FRAME_GUIDES)

/**
 * Share of the frame's width and height inside action-safe and title-safe. The traditional
 * 90 % / 80 % rather than SMPTE ST 2046-1's 93 % / 90 % for HD: a board is drawn before anyone
 * knows every screen it will end on (broadcast, a cropped social cut, an old monitor), and what
 * sits inside the stricter areas is safe under either convention.
 */
export const ACTION_SAFE = 0.9
/** See {@link ACTION_SAFE}. */
export const TITLE_SAFE = 0.8
/** Length of each arm of the centre cross, as a share of the frame's shorter side. */
export const CENTRE_CROSS = 0.06

/** A guide line in the frame's own coordinates (0,0 is its top-left corner). */
export interface GuideLine {
  readonly role: 'third' | 'centre'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

/** A safe area in the frame's own coordinates. */
export interface GuideRect {
  readonly role: 'action-safe' | 'title-safe'
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** What to draw over a frame for one {@link FrameGuides} choice. */
export interface FrameGuideGeometry {
  readonly lines: readonly GuideLine[]
  readonly rects: readonly GuideRect[]
}

const NOTHING: FrameGuideGeometry = { lines: [], rects: [] }

/**
 * The guides over a `width` × `height` frame: thirds lines and safe areas follow the frame's
 * own proportions (so a 2.39:1 frame gets wide thirds), the centre cross is drawn with any
 * guides and keeps square arms. Nothing for `none` or for a frame with no area.
 */
export function frameGuideGeometry(width: number, height: number, guides: FrameGuides): FrameGuideGeometry {
  if (guides === 'none' || !(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) return NOTHING
  const lines: GuideLine[] = []
  const rects: GuideRect[] = []
  if (guides === 'thirds' || guides === 'thirds-safe') {
    for (const k of [1, 2]) {
      lines.push({ role: 'third', x1: (width * k) / 3, y1: 0, x2: (width * k) / 3, y2: height })
      lines.push({ role: 'third', x1: 0, y1: (height * k) / 3, x2: width, y2: (height * k) / 3 })
    }
  }
  if (guides === 'safe' || guides === 'thirds-safe') {
    rects.push(safeArea('action-safe', width, height, ACTION_SAFE), safeArea('title-safe', width, height, TITLE_SAFE))
  }
  const arm = Math.min(width, height) * CENTRE_CROSS
  const cx = width / 2
  const cy = height / 2
  lines.push({ role: 'centre', x1: cx - arm, y1: cy, x2: cx + arm, y2: cy })
  lines.push({ role: 'centre', x1: cx, y1: cy - arm, x2: cx, y2: cy + arm })
  return { lines, rects }
}

function safeArea(role: GuideRect['role'], width: number, height: number, share: number): GuideRect {
  const w = width * share
  const h = height * share
  return { role, x: (width - w) / 2, y: (height - h) / 2, width: w, height: h }
}
