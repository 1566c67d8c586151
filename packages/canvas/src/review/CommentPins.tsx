import { useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { COMMENT_ROLE } from '@storyloom/shared/access/roles'
import { useBoardSession } from '../board/BoardSessionContext'
import { useRoleRefusal } from '../board/useRoleRefusal'
import { boardThreads } from './boardThreads'
import { CommentThreadView } from './CommentThreadView'
import type { CommentsSource } from './reviewApi'
import { teamThreadActions } from './teamThreadActions'
import { AskNameWhileUnnamed } from './askTeamName'
import '../styles/review.css'

/**
 * Open comment threads pinned to points of the current page, drawn where they were pinned
 * (tldraw's `OnTheCanvas` layer, in page coordinates). A pin opens its thread in place.
 */
export function CommentPins() {
  const editor = useEditor()
  const session = useBoardSession()
  const source: CommentsSource = { kind: 'team', boardId: session.boardId }
  const mayWrite = useRoleRefusal(session, COMMENT_ROLE, 'write comments') === null
  const shared = boardThreads(session, source)
  const threads = useValue(shared.threads)
  const pageId = useValue('page', () => editor.getCurrentPageId(), [editor])
  const me = useValue('user name', () => editor.user.getName(), [editor])
  const [openId, setOpenId] = useState<string>()
  const pins = threads.filter((t) => t.anchor.kind === 'point' && t.anchor.pageId === pageId && !t.resolved)
  // The zoom only while there are pins: reading it re-renders this on every zoom step.
  const hasPins = pins.length > 0
  const zoom = useValue('zoom', () => (hasPins ? editor.getZoomLevel() : 1), [editor, hasPins])
  return (
    <div className="comment-pins">
      {pins.map((thread) => {
        if (thread.anchor.kind !== 'point') return null
        const isOpen = openId === thread.id
        return (
          <div
            key={thread.id}
            className="comment-pin"
            data-testid="comment-pin"
            // Constant size on screen whatever the zoom, like tldraw's own handles.
            style={{ left: thread.anchor.x, top: thread.anchor.y, transform: `scale(${1 / zoom})` }}
            onPointerDown={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
          >
            <button
              type="button"
              className="comment-pin__dot"
              aria-expanded={isOpen}
              title={thread.comments[0]?.body}
              onClick={() => setOpenId(isOpen ? undefined : thread.id)}
            >
              {thread.comments.length}
            </button>
            {isOpen && (
              <div className="comment-pin__card">
                <AskNameWhileUnnamed>
                  <CommentThreadView
                    reader="team"
                    thread={thread}
                    people={[me]}
                    {...(mayWrite && teamThreadActions(session.boardId, thread.id, shared.update))}
                  />
                </AskNameWhileUnnamed>
              </div>
            )}
          </div>
        )
      })}
    </div>
  )
}
