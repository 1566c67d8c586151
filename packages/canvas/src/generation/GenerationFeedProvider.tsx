import { useEffect, useState, type ReactNode } from 'react'
import { BoardGenerationFeed } from './BoardGenerationFeed'
import { GenerationFeedContext } from './GenerationFeedContext'

/** Opens the board's generation feed for as long as the board is open. */
export function GenerationFeedProvider({ boardId, children }: { boardId: string; children: ReactNode }) {
  const [feed] = useState(() => new BoardGenerationFeed(boardId))
  useEffect(() => {
    feed.start()
    return () => feed.dispose()
  }, [feed])
  return <GenerationFeedContext.Provider value={feed}>{children}</GenerationFeedContext.Provider>
}
