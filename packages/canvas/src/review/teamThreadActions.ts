import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { replyToThread, setThreadResolved } from './reviewApi'
import { teamCommentAuthor } from './askTeamName'

/** A thread's Reply and Resolve for the team, as {@link CommentThreadView} takes them. */
export interface TeamThreadActions {
  onReply(body: string, mentions: string[]): Promise<void>
  onResolve(resolved: boolean): Promise<void>
}

/**
 * Reply and Resolve on the team's thread `threadId` of board `boardId`, wherever the team sees
 * it (the comments menu, the shot's review panel, a pin on the canvas): signed by who is writing
 * as each is sent ({@link teamCommentAuthor}: a writer just asked their name has given it), and
 * the thread the server answers with handed to `update`.
 */
export function teamThreadActions(boardId: string, threadId: string, update: (thread: CommentThreadResponse) => void): TeamThreadActions {
  return {
    onReply: (body, mentions) => replyToThread({ kind: 'team', boardId }, threadId, { body, mentions, ...teamCommentAuthor() }).then(update),
    onResolve: (resolved) => setThreadResolved(boardId, threadId, resolved, teamCommentAuthor().authorName).then(update),
  }
}
