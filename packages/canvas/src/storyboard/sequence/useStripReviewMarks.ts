import { useContext } from 'react'
import { useValue } from 'tldraw'
import { BoardSessionContext } from '../../board/BoardSessionContext'
import { reviewMarks, type ReviewMarks } from '../../review/reviewMarks'

/**
 * A strip card's review marks (reviewMarks), live from the board's review state. Read as
 * plain values, so a comment elsewhere on the board re-renders nothing that shows them.
 */
export function useStripReviewMarks(shotId: string): ReviewMarks {
  const session = useContext(BoardSessionContext)
  const verdict = useValue('shot verdict', () => session?.review.get().shots.get(shotId)?.verdict ?? null, [session, shotId])
  const verdictBy = useValue('shot verdict by', () => session?.review.get().shots.get(shotId)?.verdictBy ?? null, [session, shotId])
  const drawnComments = useValue('shot drawn comments', () => session?.review.get().shots.get(shotId)?.drawnComments ?? 0, [session, shotId])
  return reviewMarks({ verdict, verdictBy, drawnComments })
}
