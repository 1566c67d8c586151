import type { ShownMarkup } from './stageMarkup'

/** A comment's drawing, not yet shown. */
export type MarkupTarget = Omit<ShownMarkup, 'pinned'>

/**
 * How far a pinned drawing holds against another comment pointed at: on a presentation's stage,
 * against its own shot's comments only (the stage moves on to another shot, whose comments must
 * show); on the canvas, where every shot is in reach, against all of them.
 */
export type PinScope = 'shot' | 'board'

/** The drawing shown once `target` is pointed at or focused: it, unless a pinned drawing holds. */
export function showMarkup(now: ShownMarkup | null, target: MarkupTarget, scope: PinScope): ShownMarkup | null {
  if (now?.commentId === target.commentId) return now
  if (now?.pinned && (scope === 'board' || now.shotId === target.shotId)) return now
  return { ...target, pinned: false }
}

/** The drawing shown once comment `commentId` is left: none if it was its own and not pinned. */
export function hideMarkup(now: ShownMarkup | null, commentId: string): ShownMarkup | null {
  return now && now.commentId === commentId && !now.pinned ? null : now
}

/** The drawing shown once `target`'s thumbnail is pressed: unpinned if it was pinned, else pinned in place of any other. */
export function toggleMarkupPin(now: ShownMarkup | null, target: MarkupTarget): ShownMarkup | null {
  return now?.commentId === target.commentId && now.pinned ? null : { ...target, pinned: true }
}
