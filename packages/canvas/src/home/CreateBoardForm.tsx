import { useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { BOARD_NAME_MAX_LENGTH } from '@storyloom/shared/api/boards'
import { createBoard } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'

const DEFAULT_NAME = 'Untitled board'

/** Names and creates a board, then opens it. */
export function CreateBoardForm() {
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const board = await createBoard(name.trim() || DEFAULT_NAME)
      navigate(`/b/${board.id}`)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The board could not be created.')
      setBusy(false)
    }
  }

  return (
    <form className="create-board" onSubmit={submit}>
      <label htmlFor="new-board-name" className="create-board__label">
        New board
      </label>
      <div className="create-board__row">
        <input
          id="new-board-name"
          className="input"
          placeholder={DEFAULT_NAME}
          value={name}
          maxLength={BOARD_NAME_MAX_LENGTH}
          onChange={(e) => setName(e.target.value)}
          disabled={busy}
          autoComplete="off"
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
