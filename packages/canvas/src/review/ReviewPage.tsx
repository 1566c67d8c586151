import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useValue, type TLStore } from 'tldraw'
import { Link } from 'wouter'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { SHARE_TOKEN_PATTERN, type ReviewLinkInfo } from '@storyloom/shared/review/shareLinks'
import { ApiError } from '../api/apiClient'
import { StatusScreen } from '../app/StatusScreen'
import { BoardFailure } from '../board/BoardFailure'
import { Presentation } from '../presentation/Presentation'
import { PresentationConnectionNotice } from '../presentation/PresentationConnectionNotice'
import { usePresentationModel } from '../presentation/usePresentationModel'
import type { BoardSession } from '../sync/BoardSession'
import { useOpenBoard } from '../board/useOpenBoard'
import { useBoardName } from '../board/useBoardName'
import { ReviewPanel } from './ReviewPanel'
import { ShotGridMarks } from './ShotGridMarks'
import { reviewLinkInfo, unlockReviewLink } from './reviewApi'
import { reviewMediaUrl } from './reviewMediaUrl'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { PrintView } from '../print/PrintView'
import { PictureViewerContext } from '../versions/UnreadablePicture'

type Opened = Extract<ReviewLinkInfo, { locked: false }>

/** What a refused link means for the person holding it. */
function refusal(error: unknown): { title: string; message: string } {
  const code = error instanceof ApiError ? error.code : undefined
  if (code === 'share_link_expired') return { title: 'This review link has expired', message: 'Ask the team that sent it for a new link.' }
  if (code === 'share_link_revoked') return { title: 'This review link was turned off', message: 'Ask the team that sent it for a new link.' }
  if (code === 'share_link_not_found' || code === 'invalid_request') {
    return { title: 'Review link not found', message: 'Check that the whole link was copied, or ask the team for a new one.' }
  }
  return { title: 'Cannot open the review', message: error instanceof ApiError ? error.message : 'Try again in a moment.' }
}

/** Whether the server said the link no longer opens (rather than not answering at all). */
function isLinkRefusal(cause: unknown): cause is ApiError {
  const refusals: string[] = [ApiErrorCode.shareLinkExpired, ApiErrorCode.shareLinkRevoked, ApiErrorCode.shareLinkNotFound]
  return cause instanceof ApiError && refusals.includes(cause.code)
}

/** What a review link's page shows: the presentation (`/review/:token`), or its storyboard for printing (`/review/:token/print`). */
export type ReviewView = 'present' | 'print'

/** `/review/:token` (and `/print`): a client-review link, for people without an account. */
export default function ReviewPage({ token, view = 'present' }: { token: string; view?: ReviewView }) {
  const [info, setInfo] = useState<ReviewLinkInfo>()
  const [failure, setFailure] = useState<unknown>()
  useEffect(() => {
    if (!SHARE_TOKEN_PATTERN.test(token)) {
      setFailure(new ApiError('share_link_not_found', 'not a review link', 404))
      return
    }
    reviewLinkInfo(token).then(setInfo, setFailure)
  }, [token])

  if (failure !== undefined) {
    const { title, message } = refusal(failure)
    return <StatusScreen title={title} message={message} />
  }
  if (!info) return <StatusScreen busy title="Opening review…" />
  if (info.locked) return <PasscodeForm token={token} onUnlocked={setInfo} />
  return <FreshReviewSession token={token} info={info} view={view} />
}

/**
 * The review, opened again with an empty doc whenever the server says the copy this page holds
 * is outdated (its review copy of the board was made anew, e.g. after a restart).
 */
function FreshReviewSession({ token, info, view }: { token: string; info: Opened; view: ReviewView }) {
  const [opening, setOpening] = useState(0)
  const openAgain = useCallback(() => setOpening((n) => n + 1), [])
  return <ReviewSession key={opening} token={token} info={info} view={view} onOutdated={openAgain} />
}

function PasscodeForm({ token, onUnlocked }: { token: string; onUnlocked(info: ReviewLinkInfo): void }) {
  const [passcode, setPasscode] = useState('')
  const [error, setError] = useState<string>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    try {
      onUnlocked(await unlockReviewLink(token, passcode))
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : 'Could not check the passcode.')
    }
  }
  return (
    <main className="status-screen">
      <form className="status-screen__card review-passcode" onSubmit={submit}>
        <h1 className="status-screen__title">This review needs a passcode</h1>
        <input
          type="password"
          className="input"
          value={passcode}
          autoFocus
          aria-label="Passcode"
          placeholder="Passcode"
          onChange={(e) => setPasscode(e.currentTarget.value)}
        />
        {error && (
          <p className="review-passcode__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={passcode === ''}>
          Open
        </button>
      </form>
    </main>
  )
}

/**
 * Why the link stopped opening the board, asked of the server once the sync connection was
 * refused or lost: the refusal (expired, turned off), `unknown` when the server gave none (or
 * could not be reached), undefined while it opens or is being asked.
 */
function useLinkRefusal(token: string, session: BoardSession | undefined): ApiError | 'unknown' | undefined {
  const [refused, setRefused] = useState<ApiError | 'unknown'>()
  const lost = useValue('review link lost', () => session?.phase.get().kind === 'failed' || session?.connection.get() === 'offline', [session])
  useEffect(() => {
    if (!lost) {
      setRefused(undefined) // connected again: a later loss is asked about afresh
      return
    }
    let current = true
    const settle = (cause?: unknown) => {
      // Only the server's word on the link ends the review; a network failure (offline) does not.
      if (current) setRefused(isLinkRefusal(cause) ? cause : 'unknown')
    }
    reviewLinkInfo(token).then(() => settle(), settle)
    return () => {
      current = false
    }
  }, [lost, token])
  return refused
}

function ReviewSession({ token, info, view, onOutdated }: { token: string; info: Opened; view: ReviewView; onOutdated(): void }) {
  const session = useOpenBoard(info.boardId, { reviewToken: token })
  const phase = useValue('board phase', () => session?.phase.get(), [session])
  const refused = useLinkRefusal(token, session)
  const boardName = useBoardName(session, info.boardName) ?? info.boardName
  useEffect(() => {
    if (view === 'present') document.title = `${isolatedName(boardName)} · Review · Storyloom` // the print view names its own tab
  }, [boardName, view])
  const outdated = phase?.kind === 'failed' && phase.reason === 'outdated'
  useEffect(() => {
    if (outdated) onOutdated()
  }, [outdated, onOutdated])
  if (refused instanceof ApiError) {
    const { title, message } = refusal(refused)
    return <StatusScreen title={title} message={message} />
  }
  if (outdated) return <StatusScreen busy title="Opening review…" />
  if (phase?.kind === 'failed') {
    if (phase.reason === 'forbidden' || phase.reason === 'signed-out') {
      // The server closed the presentation: it says why (expired or turned off) when asked.
      if (refused === undefined) return <StatusScreen busy title="Checking the review link…" />
      return <StatusScreen title="This review link no longer opens" message="Ask the team that sent it for a new link." />
    }
    return <BoardFailure reason={phase.reason} />
  }
  if (!session || phase?.kind !== 'ready') return <StatusScreen busy title="Opening review…" />
  const mediaUrl = (src: string) => reviewMediaUrl(src, info.boardId, token)
  // The print view draws the same review copy of the board as the presentation: only what the link is shown,
  // and not who on the team draws what (no "Assigned to", no "Shots for").
  // A client cannot choose another take: an unreadable one reads as "Picture unavailable" (UnreadablePicture).
  return (
    <PictureViewerContext.Provider value="client">
      {view === 'print' ? (
        <PrintView store={phase.store} name={boardName} members={null} back={{ href: `/review/${token}`, label: 'Back to review' }} mediaUrl={mediaUrl} />
      ) : (
        <ReviewPresentation token={token} info={info} boardName={boardName} session={session} store={phase.store} mediaUrl={mediaUrl} />
      )}
    </PictureViewerContext.Provider>
  )
}

type ReviewPresentationProps = { token: string; info: Opened; boardName: string; session: BoardSession; store: TLStore; mediaUrl(src: string): string }

function ReviewPresentation({ token, info, boardName, session, store, mediaUrl }: ReviewPresentationProps) {
  const model = usePresentationModel(store)
  return (
    <Presentation
      audience="client"
      title={
        info.label ? (
          <>
            <bdi>{boardName}</bdi> · <bdi>{info.label}</bdi>
          </>
        ) : (
          <bdi>{boardName}</bdi>
        )
      }
      model={model}
      store={store}
      mediaUrl={mediaUrl}
      aside={(shot) => <ReviewPanel token={token} session={session} shot={shot} />}
      // Where the discussion is and where someone drew, shot by shot: as on the team's canvas badges.
      cardMarks={(shot) => <ShotGridMarks session={session} shotId={shot.id} />}
      status={<PresentationConnectionNotice session={session} />}
      room={session}
      actions={
        <Link href={`/review/${token}/print`} className="presentation-button" title="The storyboard as pages, to print or save as PDF">
          Print / PDF
        </Link>
      }
    />
  )
}
