import { useCallback, useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import type { BoardSession } from '../sync/BoardSession'
import { ownVerdicts } from './reviewApi'

/**
 * Which verdicts on the board are this reviewer's, by shot id: the server knows (their browser or
 * account), the typed name cannot tell (anyone can type "Kim"). Asked again whenever the board's
 * review changes — a verdict given, taken back, or replaced by another reviewer's — and on
 * `refresh` (after this reviewer's own). The last answer stays while the server cannot be reached.
 */
export function useOwnVerdicts(token: string, session: BoardSession): { mine: ReadonlyMap<string, ShotVerdict>; refresh(): void } {
  const revision = useValue('review revision', () => session.review.get().revision, [session])
  const [asked, setAsked] = useState(0)
  const [mine, setMine] = useState<ReadonlyMap<string, ShotVerdict>>(() => new Map())
  useEffect(() => {
    // A newer question supersedes this one: its late answer must not win.
    const controller = new AbortController()
    ownVerdicts(token, controller.signal).then(
      (verdicts) => setMine(new Map(verdicts.map((v) => [v.shotId, v.verdict]))),
      () => {},
    )
    return () => controller.abort()
  }, [token, revision, asked])
  return { mine, refresh: useCallback(() => setAsked((n) => n + 1), []) }
}
