import { useValue, type Atom } from 'tldraw'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { useStageMarkup, type ShownMarkup } from './stageMarkup'
import { hideMarkup, showMarkup, toggleMarkupPin } from './shownMarkup'

/** What a comment with a drawing does to the stage: shows it while pointed at or focused, and pins or unpins it. */
export type MarkupOnStage = {
  /** Spread on the comment: hover and focus show its drawing over the stage. */
  handlers(commentId: string, markup: CommentMarkup): {
    onMouseEnter(): void
    onMouseLeave(): void
    onFocus(): void
    onBlur(): void
  }
  pinned(commentId: string): boolean
  togglePinned(commentId: string, markup: CommentMarkup): void
}

/**
 * A thread's comments on the shot `shotId` shown over its picture, so the reader sees exactly
 * what was circled: over the presentation's stage inside one, else over the shot's frame on the
 * canvas when the list gives `onCanvas` (canvasShownMarkup); null otherwise (only the thumbnail
 * shows the drawing).
 */
export function useMarkupOnStage(shotId: string | undefined, onCanvas?: Atom<ShownMarkup | null>): MarkupOnStage | null {
  const stage = useStageMarkup()
  const target = stage?.shown ?? onCanvas
  const scope = stage ? 'shot' : 'board'
  const shown = useValue('stage shown markup', () => target?.get() ?? null, [target])
  if (!target || !shotId) return null
  const set = (next: ShownMarkup | null) => {
    if (next !== target.get()) target.set(next)
  }
  return {
    handlers: (commentId, markup) => {
      const show = () => set(showMarkup(target.get(), { shotId, commentId, markup }, scope))
      const hide = () => set(hideMarkup(target.get(), commentId))
      return { onMouseEnter: show, onMouseLeave: hide, onFocus: show, onBlur: hide }
    },
    pinned: (commentId) => shown?.commentId === commentId && shown.pinned,
    togglePinned: (commentId, markup) => set(toggleMarkupPin(target.get(), { shotId, commentId, markup })),
  }
}
