import { createContext, useContext } from 'react'
import type { BoardGenerationFeed } from './BoardGenerationFeed'

/** The open board's generation feed, for components tldraw renders (its `components` are static). */
export const GenerationFeedContext = createContext<BoardGenerationFeed | null>(null)

/** The open board's generation feed. */
export function useGenerationFeed(): BoardGenerationFeed {
  const feed = useContext(GenerationFeedContext)
  if (!feed) throw new Error('useGenerationFeed must be used inside a board')
  return feed
}
