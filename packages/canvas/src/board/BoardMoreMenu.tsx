import { useRef, useState } from 'react'
import { TldrawUiIcon, TldrawUiPopover, TldrawUiPopoverContent, TldrawUiPopoverTrigger, useEditor } from 'tldraw'
import { AccountMenu } from '../account/AccountMenu'
import { CommentsMenu } from '../review/CommentsMenu'
import { ShareLinksMenu } from '../review/ShareLinksMenu'
import { MembersButton } from './MembersButton'
import { useMenuEscape } from './useMenuEscape'
import { useNestedMenuEscape } from './useNestedMenuEscape'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/**
 * The top bar's "More" button on a narrow screen: the wide bar's Comments, Review link,
 * Share/Members and account buttons (and the View only badge), stacked in a popover. Each opens
 * its menu or dialog from there as it does in the bar; Escape closes a menu opened from here
 * first, then this one, the keyboard back on the button that opened each.
 */
export function BoardMoreMenu() {
  const [open, setOpen] = useState(false)
  const items = useRef<HTMLDivElement>(null)
  useMenuEscape(useEditor(), open)
  useNestedMenuEscape(items, open)
  return (
    <TldrawUiPopover id="storyloom more" onOpenChange={setOpen}>
      <TldrawUiPopoverTrigger>
        <button type="button" className="board-panel-button board-more-menu__button" aria-label="More board controls" title="Comments, review link, members and your account">
          <TldrawUiIcon icon="dots-vertical" label="" small />
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
