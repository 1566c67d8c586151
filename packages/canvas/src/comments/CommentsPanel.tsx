import { useEffect, useState, type FormEvent } from 'react'
import { useEditor, useValue, type Editor } from 'tldraw'
import { roleAtLeast } from '@storyloom/shared/access/roles'
import type { MemberResponse } from '@storyloom/shared/api/accounts'
import { COMMENT_MAX_LENGTH, type CommentAnchor } from '@storyloom/shared/api/comments'
import { boardShotNumbers } from '@storyloom/shared/storyboard/boardSequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { listMembers } from '../api/accountsApi'
import { replyToThread, setThreadResolved, startThread } from '../api/commentsApi'
import { useAccount } from '../account/SessionContext'
import { useBoardSession } from '../board/BoardSessionContext'
import { CommentThread } from './CommentThread'
import { mentionedIds } from './mentions'
import { useBoardComments } from './useBoardComments'
import '../styles/comments.css'

/** "Shot 3.2 · Rooftop" for a shot anchor, "Point on the canvas" for a point. */
function anchorLabel(editor: Editor, anchor: CommentAnchor, numbers: Map<string, string>): string {
  if (anchor.kind === 'point') return 'Point on the canvas'
  const shot = editor.getShape<TLShotShape>(anchor.shotId as TLShotShape['id'])
  if (!shot) return 'A deleted shot'
  const number = numbers.get(shot.id)
  return [`Shot ${number ?? ''}`.trim(), shot.props.title].filter(Boolean).join(' · ')
}

/** Brings a thread's shot or point into view. */
function showAnchor(editor: Editor, anchor: CommentAnchor): void {
  if (anchor.kind === 'point') {
    if (editor.getCurrentPageId() !== anchor.pageId && editor.getPage(anchor.pageId as never)) editor.setCurrentPage(anchor.pageId as never)
    editor.centerOnPoint({ x: anchor.x, y: anchor.y }, { animation: { duration: 200 } })
    return
  }
  const bounds = editor.getShapePageBounds(anchor.shotId as TLShotShape['id'])
  if (!bounds) return
  editor.select(anchor.shotId as TLShotShape['id'])
  editor.zoomToBounds(bounds, { inset: 80, animation: { duration: 200 } })
}

/**
 * The board's comments, at the left beside the reference library: threads on shots and points
 * of the canvas, replies with @mentions, resolve and reopen, live for everyone. A new comment
 * goes on the selected shot, or at the middle of the view.
 */
export function CommentsPanel() {
  const editor = useEditor()
  const session = useBoardSession()
  const { session: account } = useAccount()
  const role = useValue('my board role', () => session.role.get(), [session])
  const canWrite = role !== undefined && roleAtLeast(role, 'commenter')
  const { threads, failed, setThreads } = useBoardComments(session)
  const [open, setOpen] = useState(false)
  const [showResolved, setShowResolved] = useState(false)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string>()
  const [members, setMembers] = useState<MemberResponse[]>([])
  const numbers = useValue('shot numbers', () => (open ? boardShotNumbers(editor.store.allRecords()) : new Map<string, string>()), [editor, open])
  const selectedShot = useValue(
    'commented shot',
    () => {
      const selected = editor.getSelectedShapes()
      return selected.length === 1 && selected[0]!.type === 'shot' ? selected[0]!.id : undefined
    },
    [editor],
  )

  useEffect(() => {
    if (open && account?.mode === 'accounts') listMembers(session.boardId).then(setMembers, () => setMembers([]))
  }, [open, account?.mode, session.boardId])

  const openCount = threads?.filter((t) => !t.resolved).length ?? 0
  const shown = threads?.filter((t) => showResolved || !t.resolved) ?? []
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    // Read where the view is now: the panel does not re-render as the canvas pans.
    const anchor: CommentAnchor = selectedShot
      ? { kind: 'shot', shotId: selectedShot }
      : { kind: 'point', pageId: editor.getCurrentPageId(), ...editor.getViewportPageBounds().center }
    try {
      setThreads(await startThread(session.boardId, anchor, draft, mentionedIds(draft, members)))
      setDraft('')
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The comment could not be saved.')
    }
  }

  return (
    <div className="floating-panel comments-panel" data-open={open || undefined}>
      <button
        type="button"
        className="floating-panel__toggle"
        aria-expanded={open}
        aria-controls="comments-panel"
        onClick={() => setOpen((o) => !o)}
      >
        {`Comments (${openCount})`}
      </button>
      {open && (
        <section id="comments-panel" className="floating-panel__panel comments-panel__panel" aria-label="Comments">
          {canWrite && (
            <form className="comments-panel__new" onSubmit={(e) => void submit(e)}>
              <label htmlFor="new-comment">
                {selectedShot
                  ? `Comment on ${anchorLabel(editor, { kind: 'shot', shotId: selectedShot }, numbers)}`
                  : 'Comment here (select a shot to comment on it)'}
              </label>
              <textarea
                id="new-comment"
                value={draft}
                maxLength={COMMENT_MAX_LENGTH}
                rows={3}
                placeholder="Write a comment… (@name to mention)"
                onChange={(e) => setDraft(e.target.value)}
              />
              <button type="submit" disabled={draft.trim() === ''}>
                Comment
              </button>
              {error && <p role="alert">{error}</p>}
            </form>
          )}
          <label className="comments-panel__filter">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
          </label>
          {failed && <p role="alert">The comments could not be loaded.</p>}
          {threads && shown.length === 0 && <p className="comments-panel__empty">No {showResolved ? '' : 'open '}comments.</p>}
          <ul className="comments-panel__threads">
            {shown.map((thread) => (
              <CommentThread
                key={thread.id}
                thread={thread}
                anchorLabel={anchorLabel(editor, thread.anchor, numbers)}
                canWrite={canWrite}
                onShow={() => showAnchor(editor, thread.anchor)}
                onReply={async (body) => setThreads(await replyToThread(session.boardId, thread.id, body, mentionedIds(body, members)))}
                onResolve={async (resolved) => setThreads(await setThreadResolved(session.boardId, thread.id, resolved))}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
