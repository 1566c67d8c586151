import { useState, type FormEvent } from 'react'
import type { ThreadResponse } from '@storyloom/shared/api/comments'
import { COMMENT_MAX_LENGTH } from '@storyloom/shared/api/comments'

type CommentThreadProps = {
  thread: ThreadResponse
  /** "Shot 3.2 · Rooftop", "Point on the canvas". */
  anchorLabel: string
  canWrite: boolean
  onShow(): void
  onReply(body: string): Promise<void>
  onResolve(resolved: boolean): Promise<void>
}

/** One thread: where it is, its comments, a reply box and resolve / reopen. */
export function CommentThread({ thread, anchorLabel, canWrite, onShow, onReply, onResolve }: CommentThreadProps) {
  const [reply, setReply] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work. Try again.')
    } finally {
      setBusy(false)
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      await onReply(reply)
      setReply('')
    })
  }

  return (
    <li className="comment-thread" data-resolved={thread.resolved || undefined} aria-label={`Comments on ${anchorLabel}`}>
      <div className="comment-thread__header">
        <button type="button" className="comment-thread__anchor" onClick={onShow} title="Show on the canvas">
          {anchorLabel}
        </button>
        {canWrite && (
          <button type="button" className="comment-thread__resolve" disabled={busy} onClick={() => void act(() => onResolve(!thread.resolved))}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
      <ul className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <span className="comment__meta">
              <strong>{comment.authorName}</strong>{' '}
              <time dateTime={comment.createdAt}>{new Date(comment.createdAt).toLocaleString()}</time>
            </span>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ul>
      {canWrite && !thread.resolved && (
        <form className="comment-thread__reply" onSubmit={submit}>
          <textarea
            aria-label="Reply"
            placeholder="Reply… (@name to mention)"
            value={reply}
            maxLength={COMMENT_MAX_LENGTH}
            onChange={(e) => setReply(e.target.value)}
            rows={2}
          />
          <button type="submit" disabled={busy || reply.trim() === ''}>
            Reply
          </button>
        </form>
      )}
      {error && (
        <p className="comment-thread__error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
