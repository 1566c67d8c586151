import type { ReactNode } from 'react'

type StatusScreenProps = {
  title: string
  message?: ReactNode
  /** Shows a spinner: something is on its way. */
  busy?: boolean
  /** Actions, e.g. a link home or a reload button. */
  children?: ReactNode
}

/** A full-page message: loading, or an error with what the user can do about it. */
export function StatusScreen({ title, message, busy = false, children }: StatusScreenProps) {
  return (
    <main className="status-screen" aria-busy={busy}>
      <div className="status-screen__card" role={busy ? 'status' : 'alert'}>
        {busy && <div className="spinner" aria-hidden />}
        <h1 className="status-screen__title">{title}</h1>
        {message && <p className="status-screen__message">{message}</p>}
        {children && <div className="status-screen__actions">{children}</div>}
      </div>
    </main>
  )
}
