import { useState } from 'react'
import { TldrawUiMenuItem, useToasts } from 'tldraw'
import { useLocation } from 'wouter'
import { duplicateBoard } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { useBoardSession } from './BoardSessionContext'

/**
 * The main menu's "Duplicate board": a copy of the board as the server has it now (canvas and
 * every shot's takes), owned by whoever asked, opened at once. For viewers too: they may open
 * the board, so they may keep a copy of their own (README, "Duplicate").
 */
export function DuplicateBoardMenuItem() {
  const session = useBoardSession()
  const [, navigate] = useLocation()
  const { addToast } = useToasts()
  const [busy, setBusy] = useState(false)
  return (
    <TldrawUiMenuItem
      id="duplicate-board"
      label={busy ? 'Duplicating…' : 'Duplicate board'}
      readonlyOk
      disabled={busy}
      onSelect={() => {
        setBusy(true)
        duplicateBoard(session.boardId).then(
          (copy) => navigate(`/b/${copy.id}`),
          (error: unknown) => {
            setBusy(false)
            addToast({
              id: 'duplicate-board',
              severity: 'error',
              title: 'The board could not be duplicated',
              description: error instanceof ApiError ? error.message : 'Check that you are online and try again.',
            })
          },
        )
      }}
    />
  )
}
