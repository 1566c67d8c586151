import type { ShotPlacement } from '@storyloom/shared/storyboard/sequence'

/**
 * Where everything sits along the sequence strip, in pixels from its left edge. Cards have a
 * fixed width, so the layout is plain arithmetic over the sequence and the strip can render
 * only what is scrolled into view: with 500 shots it still draws a dozen or so cards.
 */

/** Width of one shot card. */
export const CARD_WIDTH = 128
/** Space between two cards of a scene. */
export const CARD_GAP = 6
/** Space inside a scene group, before its first card and after its last item. */
export const GROUP_PADDING = 6
/** Space between two scene groups. */
export const GROUP_GAP = 8
/** Width of the "add a shot at the end of this scene" button after a scene's cards. */
export const ADD_BUTTON_WIDTH = 24
/** Width of the drop zone an empty scene shows instead of cards (at least). */
export const EMPTY_SCENE_WIDTH = 160
/**
 * The widest an empty scene's band grows to show its whole heading; a longer heading ends in
 * an ellipsis (its button's tooltip has it all).
 */
export const EMPTY_SCENE_MAX_WIDTH = 360

/** What the layout needs of a sequence: each group's id and its shots' ids, in order. */
export interface StripGroupInput {
  /** Scene id, or null for the shots in no scene. */
  readonly sceneId: string | null
  readonly shotIds: readonly string[]
  /** How wide its heading is drawn (number, name, slugline, count and runtime), in pixels. */
  readonly headingWidth?: number
}

/** A scene group's place on the strip. */
export interface StripGroupLayout {
  readonly sceneId: string | null
  readonly x: number
  readonly width: number
  /** Where its add button (or, when empty, its drop zone) starts. */
  readonly tailX: number
  /** How wide its add button (or drop zone) is. */
  readonly tailWidth: number
}

/** A shot card's place on the strip. */
export interface StripCardLayout {
  readonly shotId: string
  readonly sceneId: string | null
  readonly x: number
  /** Position in the whole sequence, 0-based. */
  readonly position: number
}

/** The whole strip's layout. */
export interface StripLayout {
  readonly groups: readonly StripGroupLayout[]
  /** In sequence order, so also in x order. */
  readonly cards: readonly StripCardLayout[]
  readonly width: number
}

/** Lays out scene groups (in reading order) side by side. */
export function layoutStrip(groups: readonly StripGroupInput[]): StripLayout {
  const groupLayouts: StripGroupLayout[] = []
  const cards: StripCardLayout[] = []
  let x = 0
  for (const group of groups) {
    const start = x
    let at = start + GROUP_PADDING
    for (const shotId of group.shotIds) {
      cards.push({ shotId, sceneId: group.sceneId, x: at, position: cards.length })
      at += CARD_WIDTH + CARD_GAP
    }
    const tailX = at
    // An empty scene has no cards to give its heading room: its drop zone widens to the heading.
    const tailWidth =
      group.shotIds.length > 0
        ? ADD_BUTTON_WIDTH
        : Math.min(Math.max(EMPTY_SCENE_WIDTH, (group.headingWidth ?? 0) - 2 * GROUP_PADDING), EMPTY_SCENE_MAX_WIDTH - 2 * GROUP_PADDING)
    at += tailWidth + GROUP_PADDING
    groupLayouts.push({ sceneId: group.sceneId, x: start, width: at - start, tailX, tailWidth })
    x = at + GROUP_GAP
  }
  return { groups: groupLayouts, cards, width: Math.max(0, x - GROUP_GAP) }
}

/**
 * The cards and groups at least partly inside `[left, left + width]`, widened by `overscan`
 * pixels each side so a quick scroll does not show blanks, plus the card `keep` wherever it is
 * (the one that holds the keyboard's place, which must stay focusable). Cards are found by
 * binary search; `keep`'s card, when outside, comes first or last, in x order.
 */
export function visibleItems(
  layout: StripLayout,
  left: number,
  width: number,
  { overscan = CARD_WIDTH * 2, keep = null }: { overscan?: number; keep?: string | null } = {},
): { cards: StripCardLayout[]; groups: StripGroupLayout[] } {
  const from = left - overscan
  const to = left + width + overscan
  const { cards } = layout
  let lo = 0
  let hi = cards.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cards[mid]!.x + CARD_WIDTH < from) lo = mid + 1
    else hi = mid
  }
  const visible: StripCardLayout[] = []
  for (let i = lo; i < cards.length && cards[i]!.x <= to; i++) visible.push(cards[i]!)
  const kept = keep === null || visible.some((c) => c.shotId === keep) ? undefined : cards.find((c) => c.shotId === keep)
  if (kept) {
    if (kept.x < from) visible.unshift(kept)
    else visible.push(kept)
  }
  return { cards: visible, groups: layout.groups.filter((g) => g.x + g.width >= from && g.x <= to) }
}

/** Where a card's own drop halves start: the left half means "before", the right "after". */
export function dropSideAt(card: StripCardLayout, x: number): 'before' | 'after' {
  return x < card.x + CARD_WIDTH / 2 ? 'before' : 'after'
}

/** The card under strip coordinate `x`, or null between cards. */
export function cardAt(layout: StripLayout, x: number): StripCardLayout | null {
  const { cards } = layout
  let lo = 0
  let hi = cards.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const card = cards[mid]!
    if (x < card.x) hi = mid - 1
    else if (x > card.x + CARD_WIDTH + CARD_GAP) lo = mid + 1
    else return card
  }
  return null
}

/** Where a drop at strip coordinate `x` puts the dragged shots, and where to draw the marker. */
export interface StripDropTarget {
  readonly placement: ShotPlacement
  readonly markerX: number
}

/**
 * The drop target under `x`: before or after the card under it (by which half), else the end
 * of the scene group under it (its add button, its empty drop zone, its padding). Null
 * outside every group.
 */
export function dropTargetAt(layout: StripLayout, x: number): StripDropTarget | null {
  const card = cardAt(layout, x)
  if (card) {
    return dropSideAt(card, x) === 'before'
      ? { placement: { before: card.shotId }, markerX: card.x - CARD_GAP / 2 }
      : { placement: { after: card.shotId }, markerX: card.x + CARD_WIDTH + CARD_GAP / 2 }
  }
  const group = layout.groups.find((g) => x >= g.x && x <= g.x + g.width)
  if (!group) return null
  const atStart = x < group.x + GROUP_PADDING && group.tailX > group.x + GROUP_PADDING
  return {
    placement: { sceneId: group.sceneId, at: atStart ? 'start' : 'end' },
    markerX: atStart ? group.x + GROUP_PADDING / 2 : group.tailX - CARD_GAP / 2,
  }
}
