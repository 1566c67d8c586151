import { useState, type ReactNode } from 'react'
import type { Atom } from 'tldraw'
import { markupDescription, type CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { relativeTimeText } from '../app/dateTimeText'
import { CommentBody } from './CommentBody'
import { CommentComposer } from './CommentComposer'
import { MarkupThumbnail } from './markup/MarkupThumbnail'
import { useMarkupOnStage } from './markup/useMarkupOnStage'
import type { ShownMarkup } from './markup/stageMarkup'
import { resolveFailure } from './resolveFailure'
import '../styles/review.css'
import { PencilIcon } from './markup/PencilIcon'

type CommentThreadViewProps = {
  thread: CommentThreadResponse
  people: readonly string[]
  /** Who is reading: the team is told that what it writes in a reviewer's thread is shown to the reviewer. */
  reader: 'team' | 'reviewer'
  /** Where the thread is, e.g. "Shot 2.1 · <title>" (team list); omitted where it is obvious. */
  place?: ReactNode
  /** Beside the place: the shot's verdict (team list). */
  verdict?: ReactNode
  /** Where its reply's draft is kept (see the composer's `draftKey`), e.g. `review:<token>`; none: not kept. */
  draftScope?: string
  /** The thread's shot's frame (aspect ratio, width / height) and picture, under its comments' drawings; none: no thumbnails. */
  markupPicture?: { aspect: number; picture?: ReactNode } | undefined
  /** The canvas's list: where a comment's drawing goes to show over its shot on the canvas (canvasShownMarkup). */
  markupOnCanvas?: Atom<ShownMarkup | null>
  /** Omitted for those who may only read (viewers): no reply box. */
  onReply?(body: string, mentions: string[], markup?: CommentMarkup): Promise<unknown>
  /** Team only: reviewers cannot resolve; nor can viewers. */
  onResolve?(resolved: boolean): Promise<unknown>
  onOpenPlace?(): void
}

/** A comment's mark that it carries a drawing, seen in the list before its thumbnail is pointed at or opened. */
function DrawingMark() {
  return (
    <span className="comment__drawn" role="img" aria-label="Has a drawing" title="Has a drawing">
      <PencilIcon size={11} strokeWidth={1.4} />
    </span>
  )
}

/** What the reply box says: who sees the reply, and that it reopens a resolved thread. */
function replyPlaceholder(reviewerSeesReplies: boolean, resolved: boolean): string {
  if (reviewerSeesReplies) return resolved ? 'Reply to the reviewer (reopens the thread; they see it)…' : 'Reply to the reviewer (they see it)…'
  return resolved ? 'Reply (reopens the thread)…' : 'Reply…'
}

/** One thread: its comments oldest first, a reply box, and resolve / reopen. */
export function CommentThreadView({ thread, people, reader, place, verdict, draftScope, markupPicture, markupOnCanvas, onReply, onResolve, onOpenPlace }: CommentThreadViewProps) {
  // A comment's drawing shows over the stage's picture (in a presentation) or the shot's frame (on the canvas) while it is pointed at or focused.
  const onStage = useMarkupOnStage(thread.anchor.kind === 'shot' ? thread.anchor.shotId : undefined, markupOnCanvas)
  const reviewerSeesReplies = reader === 'team' && thread.comments[0]?.author.kind === 'reviewer'
  const resolve = useResolve(thread.resolved, onResolve)
  return (
    <article className={`comment-thread${thread.resolved ? ' comment-thread--resolved' : ''}`} data-thread-id={thread.id}>
      {(place || onResolve || thread.resolved) && (
        <header className="comment-thread__header">
          {place &&
            (onOpenPlace ? (
              <button type="button" className="comment-thread__place" onClick={onOpenPlace}>
                {place}
              </button>
            ) : (
              <span className="comment-thread__place">{place}</span>
            ))}
          {verdict}
          {thread.resolved && <span className="comment-thread__resolved">
              Resolved
              {thread.resolvedBy && (
                <>
                  {' by '}
                  <bdi>{thread.resolvedBy}</bdi>
                </>
              )}
            </span>}
          {onResolve && (
            <button type="button" className="comment-thread__resolve" aria-disabled={resolve.busy} onClick={resolve.toggle}>
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </header>
      )}
      {resolve.error && (
        <p className="comment-thread__error" role="alert">
          {resolve.error}
        </p>
      )}
      {/* The button keeps the focus as its name turns to Reopen (or Resolve): a screen reader is told what happened. */}
      {onResolve && (
        <p className="comment-thread__announcement visually-hidden" role="status">
          {resolve.done === thread.resolved ? (thread.resolved ? 'Thread resolved' : 'Thread reopened') : ''}
        </p>
      )}
      {thread.comments.map((comment) => (
        <div key={comment.id} className="comment" {...(comment.markup && onStage?.handlers(comment.id, comment.markup))}>
          <div className="comment__meta">
            <span className="comment__author"><bdi>{comment.author.name}</bdi></span>
            {comment.author.kind === 'reviewer' && <span className="comment__tag">Reviewer</span>}
            {/* A client reads the team's replies among other reviewers' comments: they are told apart, as the printed notes do. */}
            {comment.author.kind === 'team' && reader === 'reviewer' && <span className="comment__tag comment__tag--team">Team</span>}
            {comment.markup && <DrawingMark />}
            <time className="comment__time" dateTime={comment.createdAt}>
              {relativeTimeText(comment.createdAt)}
            </time>
          </div>
          {comment.body !== '' && <CommentBody body={comment.body} mentions={comment.mentions} />}
          {comment.markup && !markupPicture && <p className="comment__body">{markupDescription(comment.markup)}</p>}
          {comment.markup && markupPicture && (
            <MarkupThumbnail
              markup={comment.markup}
              aspect={markupPicture.aspect}
              picture={markupPicture.picture}
              {...(onStage && { pinned: onStage.pinned(comment.id), onToggle: () => onStage.togglePinned(comment.id, comment.markup!) })}
            />
          )}
        </div>
      ))}
      {/* Kept when the thread is resolved (also while a reply is being typed): a reply reopens it. */}
      {onReply && (
        <CommentComposer
          placeholder={replyPlaceholder(reviewerSeesReplies, thread.resolved)}
          submitLabel="Reply"
          people={people}
          {...(draftScope && { draftKey: `${draftScope}:thread:${thread.id}` })}
          onSubmit={onReply}
        />
      )}
    </article>
  )
}

/**
 * Resolve / reopen as the button does it: one request at a time, and a refusal or lost
 * connection said in the thread (the thread keeps its state), cleared by the next try. `done`:
 * the state this button last put the thread in (said while the thread is still in it).
 */
function useResolve(resolved: boolean, onResolve: ((resolved: boolean) => Promise<unknown>) | undefined) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<boolean>()
  const toggle = async () => {
    if (!onResolve || busy) return
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      await onResolve(!resolved)
      setDone(!resolved)
    } catch (cause) {
      setError(resolveFailure(resolved, cause))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, done, toggle: () => void toggle() }
}
