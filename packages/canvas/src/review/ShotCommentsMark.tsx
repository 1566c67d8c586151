import { useValue } from 'tldraw'
import type { BoardSession } from '../sync/BoardSession'
import { CommentsMark } from './CommentsMark'

/** A shot's comments mark (CommentsMark), live from the board's review state as comments arrive and threads are resolved. */
export function ShotCommentsMark({ session, shotId, testId }: { session: BoardSession; shotId: string; testId: string }) {
  const summary = useValue('shot comments', () => session.review.get().shots.get(shotId), [session, shotId])
  return <CommentsMark testId={testId} summary={summary} />
}
