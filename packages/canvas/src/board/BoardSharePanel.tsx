import { AccountMenu } from '../account/AccountMenu'
import { PresentButton } from '../presentation/PresentButton'
import { ConnectionBadge } from './ConnectionBadge'
import { MembersButton } from './MembersButton'
import { PeopleMenu } from './PeopleMenu'
import { ServerNoticeToasts } from './ServerNoticeToasts'

/** tldraw's top-right slot: connection state and the people on the board. */
export function BoardSharePanel() {
  return (
    <div className="tlui-share-zone board-share-panel" draggable={false}>
      <ServerNoticeToasts />
      <PresentButton />
      <ConnectionBadge />
      <MembersButton />
      <PeopleMenu />
      <AccountMenu />
    </div>
  )
}
