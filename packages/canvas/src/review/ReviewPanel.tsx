import { useEffect, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'
import { SHOT_VERDICTS, type ShotVerdict } from '@storyloom/shared/review/verdicts'
import { ApiError } from '../api/apiClient'
import type { PresentationShot } from '../presentation/presentationShots'
import type { BoardSession } from '../sync/BoardSession'
import { CommentComposer } from './CommentComposer'
import { CommentThreadView } from './CommentThreadView'
import { ReviewShotHeading } from './ReviewShotHeading'
import { VerdictLine } from './VerdictLine'
import { createThread, giveVerdict, replyToThread, type CommentsSource } from './reviewApi'
import { useReviewerName } from './reviewerName'
import { useOwnVerdicts } from './useOwnVerdicts'
import { boardThreads } from './boardThreads'
import { usePhoneLayout } from '../presentation/usePhoneLayout'
import { useStageMarkup } from './markup/stageMarkup'
import { stageShotPicture } from './markup/stageShotPicture'
import '../styles/review.css'

type ReviewPanelProps = { token: string; session: BoardSession; shot: PresentationShot | undefined }

/** Beside a review link's presentation: the reviewer's name, their verdict on the shot on screen, and its comments. */
export function ReviewPanel({ token, session, shot }: ReviewPanelProps) {
  const [name, setName] = useReviewerName()
  const [error, setError] = useState<string>()
  const phone = usePhoneLayout()
  const review = useValue('review', () => session.review.get(), [session])
  const source: CommentsSource = { kind: 'review', token }
  const shared = boardThreads(session, source)
  const threads = useValue(shared.threads)
  const loadError = useValue(shared.error)
  const { update } = shared
  const stage = useStageMarkup()
  const summary = shot ? review.shots.get(shot.id) : undefined
  const onShot = threads.filter((t) => t.anchor.kind === 'shot' && t.anchor.shotId === shot?.id)
  const people = [...new Set(threads.flatMap((t) => t.comments.map((c) => c.author.name)))]
  // A pasted name may carry invisible characters the server refuses: they are not part of it.
  const authorName = withoutReorderingOrHidingCharacters(name)
  // The shot keeps its latest verdict; the buttons show it as this reviewer's only when the server
  // says it is (their browser's or account's, not their name's), "Approved by …" says whose it is.
  // One just accepted counts before the board's summary says so (no flicker while it syncs); a
  // different verdict in the summary is someone else's since.
  const own = useOwnVerdicts(token, session)
  const mineOnShot = shot ? own.mine.get(shot.id) : undefined
  const ownVerdict = mineOnShot && (summary?.verdict ?? mineOnShot) === mineOnShot ? mineOnShot : null
  // A comment just sent is brought into view: on a phone it lands below the box, often under the fold.
  const threadsRef = useRef<HTMLDivElement>(null)
  const [sentThreadId, setSentThreadId] = useState<string>()
  useEffect(() => {
    if (sentThreadId === undefined) return
    const sent = [...(threadsRef.current?.querySelectorAll<HTMLElement>('[data-thread-id]') ?? [])].find((el) => el.dataset.threadId === sentThreadId)
    if (!sent) return // not listed yet: this runs again once it is
    sent.scrollIntoView({ block: 'nearest' })
    setSentThreadId(undefined)
  }, [sentThreadId, threads])
  // The team's people menu lists who is reviewing, by this name once it is typed.
  useEffect(() => session.announceReviewer(authorName), [session, authorName])

  const verdict = async (value: ShotVerdict | null) => {
    if (!shot) return
    setError(undefined)
    try {
      await giveVerdict(token, shot.id, value, authorName)
      own.accepted(shot.id, value)
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : 'Could not save your verdict.')
      own.refresh()
    }
  }

  const threadList = (
    <div className="review-panel__threads" ref={threadsRef}>
      {onShot.map((thread) => (
        <CommentThreadView
          key={thread.id}
          reader="reviewer"
          thread={thread}
          draftScope={`review:${token}`}
          people={people}
          markupPicture={shot && stageShotPicture(stage, shot)}
          onReply={(body, mentions) => replyToThread(source, thread.id, { body, mentions, authorName }).then(update)}
        />
      ))}
    </div>
  )
  const composer = shot && (authorName === '' ? (
    <p className="review-panel__hint">Type your name above to comment.</p>
  ) : (
    <CommentComposer
      placeholder={`Comment on shot ${shot.number}…`}
      people={people}
      draftKey={`review:${token}:shot:${shot.id}`}
      drawOnShot={shot.id}
      onSubmit={(body, mentions, markup) =>
        createThread(source, { kind: 'shot', shotId: shot.id }, { body, mentions, ...(markup && { markup }), authorName }).then((thread) => {
          update(thread)
          setSentThreadId(thread.id)
        })
      }
    />
  ))

  // Beside the picture the comment box stays at the panel's foot, the rest scrolling above it
  // (review.css); the same elements in both layouts, so turning the phone keeps what has focus.
  return (
    <div className="review-panel">
      <div className="review-panel__body">
        <label className="review-panel__name">
          <span>Your name</span>
          <input
            value={name}
            maxLength={60}
            placeholder="So the team knows who commented"
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </label>
        {shot ? (
          <>
            <ReviewShotHeading shot={shot} />
            <div className="review-panel__verdict" role="group" aria-label="Your verdict">
              {SHOT_VERDICTS.map((v) => (
                <button
                  key={v.id}
                  type="button"
                  className={`review-verdict review-verdict--${v.id}`}
                  aria-pressed={ownVerdict === v.id}
                  disabled={authorName === ''}
                  title={authorName === '' ? 'Type your name first' : ownVerdict === v.id ? 'Press again to take back your verdict' : undefined}
                  // Pressing one's own verdict again takes it back (given by mistake): the shot has none then.
                  onClick={() => void verdict(ownVerdict === v.id ? null : v.id)}
                >
                  {v.id === 'approved' ? 'Approve' : 'Request changes'}
                </button>
              ))}
            </div>
            <VerdictLine summary={summary} yours={ownVerdict !== null} />
            {error && (
              <p className="review-panel__error" role="alert">
                {error}
              </p>
            )}
            {/* A phone shows the panel under the picture: the box to comment comes first there, not
                after every comment; a desktop keeps it under the conversation. */}
            {phone && composer}
            {threadList}
          </>
        ) : null}
        {loadError && <p className="review-panel__error">{loadError}</p>}
      </div>
      {!phone && composer}
    </div>
  )
}
