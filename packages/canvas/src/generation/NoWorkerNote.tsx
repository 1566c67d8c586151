import type { ModelListResponse } from '@storyloom/shared/generation/api'
import { timeText } from '../app/dateTimeText'

/**
 * What the board says when no worker is running. When the last `pnpm worker` to start stopped on
 * its own set-up (a STORYLOOM_MODEL not installed) and told the server, its line says why and
 * what to fix; otherwise the server cannot know why (a worker that never reached it, or that it
 * refused, reports nothing), and the note says where to look instead of guessing.
 */
export function NoWorkerNote({ lastRefusal, className }: { lastRefusal: ModelListResponse['lastRefusal'] | undefined; className: string }) {
  if (lastRefusal) {
    const at = timeText(lastRefusal.at)
    return (
      <span className={className} data-testid="no-worker-note">
        {`No worker is ready: the last one to start stopped at ${at} — `}
        <bdi>{lastRefusal.reason.replace(/[\s.]*$/u, '')}</bdi>
        {'. Then start it again (pnpm worker); generations wait in the queue until one runs.'}
      </span>
    )
  }
  return (
    <span className={className} data-testid="no-worker-note">
      No worker is running: generations wait in the queue until one starts. If one was started, its own output says why it stopped (pnpm worker).
    </span>
  )
}
