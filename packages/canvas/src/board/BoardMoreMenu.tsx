import { useRef, useState } from 'react'
import { TldrawUiIcon, TldrawUiPopover, TldrawUiPopoverContent, TldrawUiPopoverTrigger, useEditor, useValue } from 'tldraw'
import { AccountMenu } from '../account/AccountMenu'
import { CommentsMenu } from '../review/CommentsMenu'
import { ShareLinksMenu } from '../review/ShareLinksMenu'
import { boardThreads, openThreadsMentioning } from '../review/boardThreads'
import { useBoardSession } from './BoardSessionContext'
import { MembersButton } from './MembersButton'
import { useMenuEscape } from './useMenuEscape'
import { useNestedMenuEscape } from './useNestedMenuEscape'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/**
 * The top bar's "More" button on a narrow screen: the wide bar's Comments, Review link,
 * Share/Members and account buttons (and the View only badge), stacked in a popover. Each opens
 * its menu or dialog from there as it does in the bar; Escape closes a menu opened from here
 * first, then this one, the keyboard back on the button that opened each. Open threads that
 * mention you show on the button itself ("@2"), as on the wide bar's Comments button, so a
 * mention is not hidden behind a closed menu.
 */
export function BoardMoreMenu() {
  const editor = useEditor()
  const session = useBoardSession()
  const [open, setOpen] = useState(false)
  const items = useRef<HTMLDivElement>(null)
  const threads = useValue(boardThreads(session, { kind: 'team', boardId: session.boardId }).threads)
  const myName = useValue('user name', () => editor.user.getName(), [editor])
  const mentionsMe = openThreadsMentioning(threads, myName)
  const label = mentionsMe > 0 ? `More board controls: ${mentionsMe} open comment thread(s) mention you` : 'More board controls'
  useMenuEscape(editor, open)
  useNestedMenuEscape(items, open)
  return (
    <TldrawUiPopover id="storyloom more" onOpenChange={setOpen}>
      <TldrawUiPopoverTrigger>
        <button type="button" className="board-panel-button board-more-menu__button" aria-label={label} title={mentionsMe > 0 ? label : 'Comments, review link, members and your account'}>
          <TldrawUiIcon icon="dots-vertical" label="" small />
          {mentionsMe > 0 && <span className="comments-menu__mentions-you" aria-hidden="true">@{mentionsMe}</span>}
        </button>
      </TldrawUiPopoverTrigger>
      <TldrawUiPopoverContent side="bottom" align="end" sideOffset={4}>
        <div ref={items} className="board-more-menu" role="group" aria-label="More board controls">
          <ViewOnlyBadge />
          <CommentsMenu />
          <ShareLinksMenu />
          <MembersButton />
          <AccountMenu />
        </div>
      </TldrawUiPopoverContent>
    </TldrawUiPopover>
  )
}
