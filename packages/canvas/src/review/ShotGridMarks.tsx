import { useValue } from 'tldraw'
import type { BoardSession } from '../sync/BoardSession'
import { CommentsMark } from './CommentsMark'
import { DrawingsMark } from './DrawingsMark'
import { reviewMarks } from './reviewMarks'

/**
 * A shot's marks on its card in a presentation's grid (a review link's, the team's Present): its
 * comments (CommentsMark) and, where comments carry drawings, the pencil and their count
 * (DrawingsMark, as on its strip card), live from the board's review state. Each is named for
 * screen readers, so the card's button says where someone commented and drew.
 */
export function ShotGridMarks({ session, shotId }: { session: BoardSession; shotId: string }) {
  const summary = useValue('shot review summary', () => session.review.get().shots.get(shotId), [session, shotId])
  const { drawings } = reviewMarks(summary)
  return (
    <>
      <CommentsMark testId="grid-shot-comments" summary={summary} />
      {drawings && <DrawingsMark testId="grid-shot-drawings" count={drawings.count} text={drawings.text} />}
    </>
  )
}
