import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { StatusScreen } from '../app/StatusScreen'

/** Why a link someone was sent (an invite, a password reset link) opens nothing. */
export interface LinkProblem {
  readonly title: string
  readonly message: string
  /** Trying again may work (the server or the network was at fault, not the link). */
  readonly retry: boolean
}

/**
 * A dead link's page: why, and what to do (the message); "Try again" when the fault may not be
 * the link's; a way into Storyloom. `children`: other actions, shown first.
 */
export function LinkProblemScreen({ problem, onRetry, children }: { problem: LinkProblem; onRetry(): void; children?: ReactNode }) {
  return (
    <StatusScreen title={problem.title} message={problem.message}>
      {children}
      {problem.retry && (
        <button type="button" className="button button--primary" onClick={onRetry}>
          Try again
        </button>
      )}
      <Link href="/" className="button">
        Go to Storyloom
      </Link>
    </StatusScreen>
  )
}
