import type { CSSProperties, ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { dateTimeText } from '../../app/dateTimeText'
import { ShotPicture } from '../../presentation/ShotPicture'
import { BodyText } from '../../review/CommentBody'
import { MarkupThumbnail } from '../../review/markup/MarkupThumbnail'
import { verdictLabel } from '../../review/verdictText'
import { ShotTitle } from '../../storyboard/ShotTitle'
import type { NotesShot } from './reviewNotes'

type ReviewNotesShotProps = {
  entry: NotesShot
  sketchEditor: Editor | null
  /** A picture's address as this page may load it. */
  mediaUrl(src: string): string
}

/**
 * One shot of the printed review notes, kept on one page: its frame (picture or sketch), number
 * and title, the client's latest verdict (who, when) and each of the client's threads with the
 * team's replies, open or resolved, a comment's drawing over a small copy of the shot's picture
 * (what the client circled is often the note itself). Everything typed is text in a <bdi> or
 * `dir="auto"`.
 */
export function ReviewNotesShot({ entry, sketchEditor, mediaUrl }: ReviewNotesShotProps) {
  const { shot, verdict, threads } = entry
  const aspect = aspectRatioValue(shot.aspect)
  const frame = { '--aspect': aspect } as CSSProperties
  const picture = <ShotPicture shot={shot} mediaUrl={mediaUrl} sketchEditor={sketchEditor} fallback={null} eager />
  // Under a drawing, a picture that fails gets the short mark a thumbnail has room for.
  const thumbnail = <ShotPicture shot={shot} mediaUrl={mediaUrl} sketchEditor={sketchEditor} fallback={null} eager thumbnail />
  return (
    <article className="notes-shot" data-testid="notes-shot" data-shot-id={shot.id}>
      <div className="print-panel__frame notes-shot__frame" style={frame} data-aspect={shot.aspect}>
        {picture}
      </div>
      <div className="notes-shot__body">
        <h3 className="notes-shot__heading">
          <span className="print-panel__number">Shot {shot.number}</span>{' '}
          <span className="print-panel__title">
            <ShotTitle title={shot.title} />
          </span>
        </h3>
        {verdict && (
          <p className="notes-shot__verdict" data-testid="notes-verdict" data-verdict={verdict.verdict}>
            <strong>{verdictLabel(verdict.verdict)}</strong> by <bdi>{verdict.reviewerName}</bdi> ·{' '}
            <time dateTime={verdict.createdAt}>{dateTimeText(verdict.createdAt)}</time>
          </p>
        )}
        {threads.map((thread) => (
          <NotesThread key={thread.id} thread={thread} frame={{ aspect, picture: thumbnail }} />
        ))}
        {!verdict && threads.length === 0 && <p className="notes-shot__none">No notes</p>}
      </div>
    </article>
  )
}

/** The shot's frame under a comment's drawing: its aspect ratio (width / height) and its picture. */
type NotesFrame = { aspect: number; picture: ReactNode }

function NotesThread({ thread, frame }: { thread: CommentThreadResponse; frame: NotesFrame }) {
  return (
    <section className="notes-thread" data-testid="notes-thread" data-resolved={thread.resolved || undefined}>
      <p className="notes-thread__state">
        {thread.resolved ? (
          <>
            ✓ Resolved
            {thread.resolvedBy && (
              <>
                {' by '}
                <bdi>{thread.resolvedBy}</bdi>
              </>
            )}
            {thread.resolvedAt && <> · <time dateTime={thread.resolvedAt}>{dateTimeText(thread.resolvedAt)}</time></>}
          </>
        ) : (
          'Open'
        )}
      </p>
      {thread.comments.map((comment) => (
        <div key={comment.id} className="notes-comment" data-testid="notes-comment">
          <p className="notes-comment__meta">
            <bdi className="notes-comment__author">{comment.author.name}</bdi>
            <span className="notes-comment__role">{comment.author.kind === 'reviewer' ? 'Client' : 'Team'}</span>
            <time dateTime={comment.createdAt}>{dateTimeText(comment.createdAt)}</time>
          </p>
          {comment.body !== '' && (
            <p className="notes-comment__body" dir="auto">
              <BodyText body={comment.body} mentions={comment.mentions} />
            </p>
          )}
          {comment.markup && <MarkupThumbnail markup={comment.markup} aspect={frame.aspect} picture={frame.picture} />}
        </div>
      ))}
    </section>
  )
}
