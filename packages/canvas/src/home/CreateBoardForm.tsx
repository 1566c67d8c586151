import { useState } from 'react'
import { useLocation } from 'wouter'
import { BOARD_NAME_MAX_LENGTH } from '@storyloom/shared/api/boards'
import { createBoard } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { useFormSubmit } from '../app/useFormSubmit'

const DEFAULT_NAME = 'Untitled board'

/** Names and creates a board, then opens it. */
export function CreateBoardForm() {
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const { busy, error, submit } = useFormSubmit(
    async () => {
      const board = await createBoard(name.trim() || DEFAULT_NAME)
      navigate(`/b/${board.id}`)
    },
    (e) => (e instanceof ApiError ? e.message : 'The board could not be created.'),
  )

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
