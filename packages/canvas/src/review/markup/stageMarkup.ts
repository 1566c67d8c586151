import { createContext, useContext, useMemo, useRef, useState } from 'react'
import { atom, type Atom, type Editor } from 'tldraw'
import type { CommentMarkup, MarkupColor, MarkupStroke } from '@storyloom/shared/review/commentMarkup'

/** The comment box drawing on the stage: its shot, the drawing so far, the pen's colour, and where a new stroke goes. */
export type StageDrawing = {
  shotId: string
  markup: CommentMarkup | undefined
  color: MarkupColor
  addStroke(stroke: MarkupStroke): void
}

/** A comment's drawing shown over the stage while the reader hovers or focuses it, or after they pinned it (its thumbnail pressed). */
export type ShownMarkup = { shotId: string; commentId: string; markup: CommentMarkup; pinned: boolean }

/**
 * What the comment panel beside a presentation shares with its stage: the drawing being made (one
 * box at a time draws), the drawing being read, a way to pause the animatic, and how the stage
 * draws a shot's picture (for the comments' thumbnails).
 */
export type StageMarkup = {
  readonly drawing: Atom<StageDrawing | null>
  readonly shown: Atom<ShownMarkup | null>
  pause(): void
  mediaUrl(src: string): string
  readonly sketchEditor: Editor | null
}

export const StageMarkupContext = createContext<StageMarkup | null>(null)

/** The presentation's stage markup, or null outside one (the canvas's Comments list). */
export function useStageMarkup(): StageMarkup | null {
  return useContext(StageMarkupContext)
}

/**
 * The presentation's channel for drawings: its atoms made once; `pause` (the presentation's, taking
 * the viewer off a presenter) and `mediaUrl` read as they are at each call; a new channel only when
 * the sketch editor arrives, so the thumbnails draw sketches once they can.
 */
export function useStageMarkupChannel(options: { pause(): void; mediaUrl(src: string): string; sketchEditor: Editor | null }): StageMarkup {
  const latest = useRef(options)
  latest.current = options
  const [atoms] = useState(() => ({ drawing: atom<StageDrawing | null>('stage drawing', null), shown: atom<ShownMarkup | null>('stage shown markup', null) }))
  const { sketchEditor } = options
  return useMemo(
    () => ({ ...atoms, sketchEditor, pause: () => latest.current.pause(), mediaUrl: (src: string) => latest.current.mediaUrl(src) }),
    [atoms, sketchEditor],
  )
}
