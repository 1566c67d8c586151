import { useValue } from 'tldraw'
import { COMMENT_ROLE } from '@storyloom/shared/access/roles'
import { useRoleRefusal } from '../board/useRoleRefusal'
import type { PresentationShot } from '../presentation/presentationShots'
import type { BoardSession } from '../sync/BoardSession'
import { boardThreads } from './boardThreads'
import { CommentComposer } from './CommentComposer'
import { CommentThreadView } from './CommentThreadView'
import { ReviewShotHeading } from './ReviewShotHeading'
import { VerdictLine } from './VerdictLine'
import { createThread, type CommentsSource } from './reviewApi'
import { teamThreadActions } from './teamThreadActions'
import { useStageMarkup } from './markup/stageMarkup'
import { stageShotPicture } from './markup/stageShotPicture'
import '../styles/review.css'
import { AskNameWhileUnnamed, teamCommentAuthor } from './askTeamName'

/** Beside the team's presentation: the threads on the shot on screen (reviewers' too), live, to answer and resolve. */
export function TeamShotComments({ session, shot }: { session: BoardSession; shot: PresentationShot | undefined }) {
  const source: CommentsSource = { kind: 'team', boardId: session.boardId }
  const shared = boardThreads(session, source)
  const threads = useValue(shared.threads)
  const refusal = useRoleRefusal(session, COMMENT_ROLE, 'write comments')
  const stage = useStageMarkup()
  const verdict = useValue('shot review', () => (shot ? session.review.get().shots.get(shot.id) : undefined), [session, shot?.id])
  if (!shot) return null
  const onShot = threads.filter((t) => t.anchor.kind === 'shot' && t.anchor.shotId === shot.id)
  const people = [...new Set(threads.flatMap((t) => t.comments.map((c) => c.author.name)))]
  return (
    <AskNameWhileUnnamed>
      <div className="review-panel">
        <div className="review-panel__body">
          <ReviewShotHeading shot={shot} />
          <VerdictLine summary={verdict} />
          <div className="review-panel__threads">
            {onShot.map((thread) => (
              <CommentThreadView
                key={thread.id}
                reader="team"
                thread={thread}
                draftScope={`team:${session.boardId}`}
                people={people}
                markupPicture={stageShotPicture(stage, shot)}
                {...(!refusal && teamThreadActions(session.boardId, thread.id, shared.update))}
              />
            ))}
          </div>
        </div>
        {refusal ? (
          <p className="comments-menu__read-only">{refusal}.</p>
        ) : (
          <CommentComposer
            placeholder={`Comment on shot ${shot.number}…`}
            people={people}
            draftKey={`team:${session.boardId}:shot:${shot.id}`}
            drawOnShot={shot.id}
            onSubmit={(body, mentions, markup) => createThread(source, { kind: 'shot', shotId: shot.id }, { body, mentions, ...(markup && { markup }), ...teamCommentAuthor() }).then(shared.update)}
          />
        )}
      </div>
    </AskNameWhileUnnamed>
  )
}
