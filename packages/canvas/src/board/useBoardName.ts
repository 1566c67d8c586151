import { useEffect, useState } from 'react'
import { getBoard } from '../api/boardsApi'

/** The board's name for a title bar; undefined until loaded (or when it cannot be). */
export function useBoardName(boardId: string): string | undefined {
  const [name, setName] = useState<string>()
  useEffect(() => {
    const controller = new AbortController()
    getBoard(boardId, controller.signal).then(
      (board) => setName(board.name),
      () => {}, // the title is a nicety; the presentation works without it
    )
    return () => controller.abort()
  }, [boardId])
  return name
}
