import { useContext } from 'react'
import { useValue } from 'tldraw'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { BoardSessionContext } from '../board/BoardSessionContext'

/**
 * A shot's latest reviewer verdict, who gave it and how many of the shot's comments carry a
 * drawing, live from the board's review state (null: no verdict, or outside an open board). Read
 * as plain values, so a comment elsewhere on the board re-renders nothing that shows it.
 */
export function useShotVerdict(shotId: string): { verdict: ShotVerdict; by: string | null; drawnComments: number } | null {
  const session = useContext(BoardSessionContext)
  const verdict = useValue('shot verdict', () => session?.review.get().shots.get(shotId)?.verdict ?? null, [session, shotId])
  const by = useValue('shot verdict by', () => session?.review.get().shots.get(shotId)?.verdictBy ?? null, [session, shotId])
  const drawnComments = useValue('shot drawn comments', () => session?.review.get().shots.get(shotId)?.drawnComments ?? 0, [session, shotId])
  return verdict ? { verdict, by, drawnComments } : null
}
