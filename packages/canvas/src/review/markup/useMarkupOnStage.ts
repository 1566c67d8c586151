import { useValue } from 'tldraw'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { useStageMarkup } from './stageMarkup'

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
 * A thread's comments on the presentation's shot `shotId` shown over its stage picture, so the
 * reader sees exactly what was circled; null outside a presentation (the canvas's list), where
 * only the thumbnail shows the drawing.
 */
export function useMarkupOnStage(shotId: string | undefined): MarkupOnStage | null {
  const stage = useStageMarkup()
  const shown = useValue('stage shown markup', () => stage?.shown.get() ?? null, [stage])
  if (!stage || !shotId) return null
  const show = (commentId: string, markup: CommentMarkup) => {
    const now = stage.shown.get()
    if (now?.pinned && now.shotId === shotId && now.commentId !== commentId) return // a pinned drawing stays until unpinned
    if (now?.commentId !== commentId) stage.shown.set({ shotId, commentId, markup, pinned: false })
  }
  const hide = (commentId: string) => {
    const now = stage.shown.get()
    if (now && now.commentId === commentId && !now.pinned) stage.shown.set(null)
  }
  return {
    handlers: (commentId, markup) => ({
      onMouseEnter: () => show(commentId, markup),
      onMouseLeave: () => hide(commentId),
      onFocus: () => show(commentId, markup),
      onBlur: () => hide(commentId),
    }),
    pinned: (commentId) => shown?.commentId === commentId && shown.pinned,
    togglePinned: (commentId, markup) => {
      const now = stage.shown.get()
      stage.shown.set(now?.commentId === commentId && now.pinned ? null : { shotId, commentId, markup, pinned: true })
    },
  }
}
