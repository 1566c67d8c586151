import { AccountMenu } from '../account/AccountMenu'
import { PresentButton } from '../presentation/PresentButton'
import { CommentsMenu } from '../review/CommentsMenu'
import { ShareLinksMenu } from '../review/ShareLinksMenu'
import { ConnectionBadge } from './ConnectionBadge'
import { MembersButton } from './MembersButton'
import { PeopleMenu } from './PeopleMenu'
import { ServerNoticeToasts } from './ServerNoticeToasts'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/** tldraw's top-right slot: connection state and the people on the board. */
export function BoardSharePanel() {
  return (
    <div className="tlui-share-zone board-share-panel" draggable={false}>
      <ServerNoticeToasts />
      <CommentsMenu />
      <ShareLinksMenu />
      <PresentButton />
      <ViewOnlyBadge />
      <ConnectionBadge />
      <MembersButton />
      <PeopleMenu />
      <AccountMenu />
    </div>
  )
}
