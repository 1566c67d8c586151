import { AccountMenu } from '../account/AccountMenu'
import { PresentButton } from '../presentation/PresentButton'
import { CommentsMenu } from '../review/CommentsMenu'
import { ShareLinksMenu } from '../review/ShareLinksMenu'
import { BoardMoreMenu } from './BoardMoreMenu'
import { ConnectionBadge } from './ConnectionBadge'
import { MembersButton } from './MembersButton'
import { PeopleMenu } from './PeopleMenu'
import { ServerNoticeToasts } from './ServerNoticeToasts'
import { useTopBarLayout } from './topBarLayout'
import { UploadRefusalToasts } from './UploadRefusalToasts'
import { ViewOnlyBadge } from './ViewOnlyBadge'

/**
 * tldraw's top-right slot: connection state and the people on the board. On a narrow screen only
 * Present, the connection badge and People stay in the bar; the rest is behind "More".
 */
export function BoardSharePanel() {
  const layout = useTopBarLayout()
  const full = layout === 'full'
  // One tree for every width (each control keeps its place): the toasts keep their state as the window is resized.
  return (
    <div className="tlui-share-zone board-share-panel" data-layout={layout} draggable={false}>
      <ServerNoticeToasts />
      <UploadRefusalToasts />
      {full && <CommentsMenu />}
      {full && <ShareLinksMenu />}
      <PresentButton />
      {full && <ViewOnlyBadge />}
      <ConnectionBadge />
      {full && <MembersButton />}
      <PeopleMenu />
      {full ? <AccountMenu /> : <BoardMoreMenu />}
    </div>
  )
}
