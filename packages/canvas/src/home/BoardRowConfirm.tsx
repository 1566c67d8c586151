import type { ReactNode } from 'react'

type BoardRowConfirmProps = {
  /** The dialog's accessible name (a user-supplied name in it isolated with `isolatedName`). */
  label: string
  children: ReactNode
  confirmText: string
  busyText: string
  busy: boolean
  onConfirm(): void
  onCancel(): void
}

/** The confirmation a board row shows in place before a destructive action; the confirming button takes focus. */
export function BoardRowConfirm({ label, children, confirmText, busyText, busy, onConfirm, onCancel }: BoardRowConfirmProps) {
  return (
    <div className="board-row__confirm" role="alertdialog" aria-label={label}>
      <span>{children}</span>
      <button type="button" className="button button--danger-solid" onClick={onConfirm} disabled={busy} autoFocus>
        {busy ? busyText : confirmText}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  )
}
