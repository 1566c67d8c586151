import { useRef, type FormEvent } from 'react'
import { BOARD_NAME_MAX_LENGTH } from '@storyloom/shared/api/boards'
import type { BoardSession } from '../sync/BoardSession'
import { useBoardRename } from './useBoardRename'
import { useEscapeInside } from './useEscapeInside'

type BoardTitleNameProps = { session: BoardSession; name: string }

/**
 * The board's name in its title, for people who may rename it: click it (or Enter on it) and it
 * becomes a field with the name selected; Enter or leaving the field saves (the home page's
 * rename: same request, same refusals), Escape cancels. The new name reaches everyone through
 * the server's rename notice; this page takes it from the answer at once.
 */
export function BoardTitleName({ session, name }: BoardTitleNameProps) {
  const rename = useBoardRename(session.boardId, name, (board) => session.name.set(board.name))
  const form = useRef<HTMLFormElement>(null)
  // After Enter or Escape the keyboard goes back to the name once it shows again; after a click elsewhere it stays there.
  const refocusName = useRef(false)
  const nameButton = (button: HTMLButtonElement | null) => {
    if (!button || !refocusName.current) return
    refocusName.current = false
    button.focus()
  }

  // A native listener: tldraw would take Escape first (it clears the canvas selection).
  useEscapeInside(form, () => {
    refocusName.current = true
    rename.cancel()
  }, rename.editing)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    refocusName.current = true
    // Refused, the field stays: the next close may be a click elsewhere.
    void rename.save().then((closed) => {
      if (!closed) refocusName.current = false
    })
  }

  if (!rename.editing) {
    return (
      <button ref={nameButton} type="button" className="board-title__name board-title__name--editable" title="Rename board" onClick={rename.start}>
        <bdi>{name}</bdi>
      </button>
    )
  }
  return (
    <form ref={form} className="board-title__rename" onSubmit={submit}>
      <input
        className="board-title__input"
        aria-label="Board name"
        aria-invalid={rename.error !== undefined}
        aria-describedby={rename.error === undefined ? undefined : 'board-title-error'}
        value={rename.draft}
        maxLength={BOARD_NAME_MAX_LENGTH}
        // Read-only, not disabled, while saving: a disabled field loses focus, which would save again.
        readOnly={rename.busy}
        onChange={(e) => rename.setDraft(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={() => void rename.save()}
        dir="auto"
        autoFocus
      />
      {rename.error && (
        <p id="board-title-error" className="form-error floating-surface board-title__error" role="alert">
          {rename.error}
        </p>
      )}
    </form>
  )
}
