import { useCallback, useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import type { BoardSession } from '../sync/BoardSession'
import { ownVerdicts } from './reviewApi'

/** This reviewer's verdicts, and how to note one the server has just accepted. */
export type OwnVerdicts = {
  mine: ReadonlyMap<string, ShotVerdict>
  /** The server accepted this reviewer's verdict on a shot (null: taken back): shown as theirs at once. */
  accepted(shotId: string, verdict: ShotVerdict | null): void
  /** Asks the server again (after a verdict it refused: what it holds may differ from what was shown). */
  refresh(): void
}

/**
 * Which verdicts on the board are this reviewer's, by shot id: the server knows (their browser or
 * account), the typed name cannot tell (anyone can type "Kim"). Asked again whenever a verdict on
 * the board changes — given, taken back, or replaced by another reviewer's (the review's verdict
 * revision; comments do not ask), after each verdict this browser gives, and on `refresh`. The
 * last answer stays while the server cannot be reached.
 */
export function useOwnVerdicts(token: string, session: BoardSession): OwnVerdicts {
  const revision = useValue('verdict revision', () => session.review.get().verdictRevision, [session])
  const [asked, setAsked] = useState(0)
  const [mine, setMine] = useState<ReadonlyMap<string, ShotVerdict>>(() => new Map())
  useEffect(() => {
    // A newer question supersedes this one: its late answer must not win.
    const controller = new AbortController()
    ownVerdicts(token, controller.signal).then(
      (verdicts) => {
        if (!controller.signal.aborted) setMine(new Map(verdicts.map((v) => [v.shotId, v.verdict])))
      },
      () => {},
    )
    return () => controller.abort()
  }, [token, revision, asked])
  const accepted = useCallback((shotId: string, verdict: ShotVerdict | null) => {
    setMine((current) => {
      const next = new Map(current)
      if (verdict === null) next.delete(shotId)
      else next.set(shotId, verdict)
      return next
    })
    // A question already on its way may have been asked before the server saved this verdict, or
    // (a browser's first verdict) before the browser had the reviewer key the answer brought: its
    // answer would take this verdict back off the screen. Ask again, superseding it.
    setAsked((n) => n + 1)
  }, [])
  return { mine, accepted, refresh: useCallback(() => setAsked((n) => n + 1), []) }
}
