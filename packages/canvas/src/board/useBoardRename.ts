import { useRef, useState } from 'react'
import { ApiError } from '../api/apiClient'
import { renameBoard, type Board } from '../api/boardsApi'

/** A rename in place of a board's name: the home page's row and the board's own title share it. */
export type BoardRename = {
  readonly editing: boolean
  readonly draft: string
  readonly busy: boolean
  /** Why the last save was refused (the server's message: the typed-name rule), until the next try. */
  readonly error: string | undefined
  setDraft(draft: string): void
  /** Opens the field on the current name. */
  start(): void
  cancel(): void
  /**
   * Saves the draft through the server, which validates it; an empty or unchanged draft just
   * closes the field. Refused, the field stays open with the message and the board keeps its name.
   * Resolves true once the field is closed.
   */
  save(): Promise<boolean>
}

/** {@link BoardRename} for the board `boardId`, now called `name`; `onRenamed` gets the renamed board. */
export function useBoardRename(boardId: string, name: string, onRenamed: (board: Board) => void): BoardRename {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  // Enter saves and the field's blur saves: one request, whichever comes first.
  const saving = useRef(false)
  // Read synchronously: a field removed on Escape may still report its blur, which must not save.
  const open = useRef(false)
  const setOpen = (value: boolean) => {
    open.current = value
    setEditing(value)
  }

  const start = () => {
    setDraft(name)
    setError(undefined)
    setOpen(true)
  }
  const cancel = () => {
    setError(undefined)
    setOpen(false)
  }
  const save = async () => {
    if (!open.current) return true
    if (saving.current) return false
    const wanted = draft.trim()
    if (!wanted || wanted === name) {
      cancel()
      return true
    }
    saving.current = true
    setBusy(true)
    setError(undefined)
    try {
      onRenamed(await renameBoard(boardId, wanted))
      setOpen(false)
      return true
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The board could not be renamed.')
      return false
    } finally {
      saving.current = false
      setBusy(false)
    }
  }
  return { editing, draft, busy, error, setDraft, start, cancel, save }
}
