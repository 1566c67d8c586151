import { useEffect, useState } from 'react'
import { TldrawUiPopover, TldrawUiPopoverContent, TldrawUiPopoverTrigger, useEditor, useValue, type TLPageId, type TLShapeId } from 'tldraw'
import { COMMENT_ROLE } from '@storyloom/shared/access/roles'
import type { CommentAnchor, CommentThreadResponse } from '@storyloom/shared/review/comments'
import { useBoardSession } from '../board/BoardSessionContext'
import { useMenuEscape } from '../board/useMenuEscape'
import { useRoleRefusal } from '../board/useRoleRefusal'
import { shotNumbersOf } from '../storyboard/shotNumbers'
import { ShotTitle } from '../storyboard/ShotTitle'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { CommentComposer } from './CommentComposer'
import { CommentThreadView } from './CommentThreadView'
import { createThread, mentionableNames, type CommentsSource } from './reviewApi'
import { teamThreadActions, type TeamThreadActions } from './teamThreadActions'
import { boardThreads, listedThreads, openThreadsMentioning } from './boardThreads'
import { VerdictTag } from './VerdictTag'
import { canvasShownMarkup } from './markup/canvasMarkup'
import { commentShotFrame } from './markup/commentShotFrame'
import { hideMarkup } from './markup/shownMarkup'
import '../styles/review.css'
import { AskNameWhileUnnamed, teamCommentAuthor } from './askTeamName'

/**
 * The team's comments, from the top-right "Comments" button: every thread (open first), live;
 * reply, resolve (the thread stays, resolved, with Reopen, until the list closes) and reopen; a new thread on the selected shot, or pinned at the centre of the
 * view when no shot is selected. Viewers read them only (the server refuses their writes).
 */
export function CommentsMenu() {
  const editor = useEditor()
  const session = useBoardSession()
  const source: CommentsSource = { kind: 'team', boardId: session.boardId }
  const refusal = useRoleRefusal(session, COMMENT_ROLE, 'write comments')
  const revision = useValue('review revision', () => session.review.get().revision, [session])
  const shared = boardThreads(session, source)
  const threads = useValue(shared.threads)
  const error = useValue(shared.error)
  const { update } = shared
  const [menuOpen, setMenuOpen] = useState(false)
  const markupOnCanvas = canvasShownMarkup(editor)
  // A comment pointed at as the list closes is never left: its drawing goes with the list (a pinned one stays).
  const onOpenChange = (open: boolean) => {
    setMenuOpen(open)
    if (!open) setResolvedHere(new Set())
    const now = markupOnCanvas.get()
    if (!open && now) markupOnCanvas.set(hideMarkup(now, now.commentId))
  }
  useMenuEscape(editor, menuOpen)
  const [showResolved, setShowResolved] = useState(false)
  // Threads resolved from this list since it opened: they stay, saying so, with Reopen (as beside the presentation).
  const [resolvedHere, setResolvedHere] = useState<ReadonlySet<string>>(new Set())
  const actionsOn = (threadId: string): TeamThreadActions => {
    const actions = teamThreadActions(session.boardId, threadId, update)
    return {
      ...actions,
      onResolve: (resolved) => {
        // Before the request: the live refetch may bring the thread resolved before the answer does.
        if (resolved) setResolvedHere((ids) => new Set(ids).add(threadId))
        return actions.onResolve(resolved)
      },
    }
  }
  const [members, setMembers] = useState<string[]>([])
  const me = useValue('user', () => ({ name: editor.user.getName() }), [editor])
  const peers = useValue('peer names', () => editor.getCollaborators().map((p) => p.userName), [editor])
  const numbers = useValue('shot numbers', () => shotNumbersOf(editor).get(), [editor])
  const reviews = useValue('shot reviews', () => session.review.get().shots, [session])
  const threadShots = threads.flatMap((t) => (t.anchor.kind === 'shot' ? [t.anchor.shotId] : []))
  // Reads only the commented shots' records: typing in another shot re-renders nothing here.
  const titles = useValue(
    'thread shot titles',
    () => new Map(threadShots.map((id) => [id, (editor.getShape(id as TLShapeId) as TLShotShape | undefined)?.props.title])),
    [editor, threadShots.join()],
  )
  // The frames and pictures under the drawings of the threads that have one.
  const drawnShots = threads.flatMap((t) => (t.anchor.kind === 'shot' && t.comments.some((c) => c.markup) ? [t.anchor.shotId] : []))
  const frames = useValue(
    'drawn shot frames',
    () => new Map(drawnShots.map((id) => [id, commentShotFrame(editor.getShape(id as TLShapeId) as TLShotShape | undefined)])),
    [editor, drawnShots.join()],
  )
  const selectedShot = useValue(
    'selected shot',
    () => {
      const only = editor.getOnlySelectedShape()
      return only?.type === 'shot' ? only.id : null
    },
    [editor],
  )
  useEffect(() => {
    mentionableNames(session.boardId).then(setMembers, () => {})
  }, [session.boardId, revision])

  const people = [...new Set([...members, ...peers, me.name])]
  const open = threads.filter((t) => !t.resolved)
  const mentionsMe = openThreadsMentioning(threads, me.name)
  const shown = listedThreads(threads, showResolved, resolvedHere)

  // "Shot 2.3 · Steam on the cake", as the review page heads it: the number alone says little to whoever reads the client's notes.
  const place = (thread: CommentThreadResponse) => {
    if (thread.anchor.kind !== 'shot') return 'Pinned on the canvas'
    const number = numbers.get(thread.anchor.shotId)
    const title = titles.get(thread.anchor.shotId)
    return number === undefined || title === undefined ? 'Shot (deleted)' : <>Shot {number} · <ShotTitle title={title} /></>
  }
  const verdict = (thread: CommentThreadResponse) => {
    const review = thread.anchor.kind === 'shot' ? reviews.get(thread.anchor.shotId) : undefined
    return review?.verdict ? <VerdictTag verdict={review.verdict} by={review.verdictBy} /> : undefined
  }
  const openPlace = ({ anchor, comments }: CommentThreadResponse) => {
    if (anchor.kind === 'shot') {
      const id = anchor.shotId as TLShapeId
      if (!editor.getShape(id)) return
      // The shot comes into view with the thread's latest drawing on it, pinned.
      const drawn = comments.findLast((c) => c.markup)
      if (drawn?.markup) markupOnCanvas.set({ shotId: anchor.shotId, commentId: drawn.id, markup: drawn.markup, pinned: true })
      editor.select(id)
      editor.zoomToSelection({ animation: { duration: 200 } })
    } else {
      if (editor.getCurrentPageId() !== anchor.pageId && editor.getPage(anchor.pageId as TLPageId)) editor.setCurrentPage(anchor.pageId as TLPageId)
      editor.centerOnPoint({ x: anchor.x, y: anchor.y }, { animation: { duration: 200 } })
    }
  }
  const newAnchor = (): CommentAnchor => {
    if (selectedShot) return { kind: 'shot', shotId: selectedShot }
    const center = editor.getViewportPageBounds().center
    return { kind: 'point', pageId: editor.getCurrentPageId(), x: Math.round(center.x), y: Math.round(center.y) }
  }

  return (
    <TldrawUiPopover id="storyloom comments" onOpenChange={onOpenChange}>
      <TldrawUiPopoverTrigger>
        <button
          type="button"
          className="board-panel-button"
          title={[
            mentionsMe > 0 ? `Comments on this board: ${mentionsMe} open thread(s) mention you` : 'Comments on this board',
            refusal && `(read only: ${refusal})`,
          ].filter(Boolean).join(' ')}
        >
          Comments{open.length > 0 ? ` (${open.length})` : ''}
          {mentionsMe > 0 && <span className="comments-menu__mentions-you">@{mentionsMe}</span>}
        </button>
      </TldrawUiPopoverTrigger>
      <TldrawUiPopoverContent side="bottom" align="end" sideOffset={4}>
        <AskNameWhileUnnamed>
          <div className="comments-menu" onKeyDown={(e) => e.stopPropagation()}>
            {refusal ? (
              <p className="comments-menu__read-only" data-testid="comments-read-only">
                {refusal}.
              </p>
            ) : (
              <CommentComposer
                placeholder={selectedShot ? `Comment on shot ${numbers.get(selectedShot) ?? ''}… (@ to mention)` : 'Comment pinned at the centre of the view…'}
                people={people}
                // Kept while the list is closed (a click on the canvas closes it), one draft per selected shot, so it goes where it was written.
                draftKey={`team:${session.boardId}:list:${selectedShot ?? 'canvas'}`}
                onSubmit={(body, mentions) => createThread(source, newAnchor(), { body, mentions, ...teamCommentAuthor() }).then(update)}
              />
            )}
            <label className="comments-menu__filter">
              <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.currentTarget.checked)} />
              Show resolved
            </label>
            {error && <p className="comments-menu__error">{error}</p>}
            {shown.length === 0 && <p className="comments-menu__empty">No open comments.</p>}
            <div className="comments-menu__threads">
              {shown.map((thread) => (
                <CommentThreadView
                  key={thread.id}
                  reader="team"
                  thread={thread}
                  people={people}
                  draftScope={`team:${session.boardId}`}
                  place={place(thread)}
                  verdict={verdict(thread)}
                  markupPicture={thread.anchor.kind === 'shot' ? frames.get(thread.anchor.shotId) : undefined}
                  markupOnCanvas={markupOnCanvas}
                  onOpenPlace={() => openPlace(thread)}
                  {...(!refusal && actionsOn(thread.id))}
                />
              ))}
            </div>
          </div>
        </AskNameWhileUnnamed>
      </TldrawUiPopoverContent>
    </TldrawUiPopover>
  )
}
