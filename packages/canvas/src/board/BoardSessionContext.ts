import { createContext, useContext } from 'react'
import type { BoardSession } from '../sync/BoardSession'

/** The open board, for components tldraw renders (its `components` must be static). */
export const BoardSessionContext = createContext<BoardSession | null>(null)

export function useBoardSession(): BoardSession {
  const session = useContext(BoardSessionContext)
  if (!session) throw new Error('useBoardSession must be used inside a board')
  return session
}
