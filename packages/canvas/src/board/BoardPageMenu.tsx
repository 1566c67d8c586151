import { DefaultPageMenu } from 'tldraw'
import { useTopBarLayout } from './topBarLayout'

/**
 * tldraw's page menu in the top-left slot. On a phone (topBarLayout.ts) its trigger shows only its
 * chevron, the page's name kept as the button's accessible name and tooltip: the name alone took
 * ~90 px of a 390 px bar, which left the board's title nothing but an ellipsis beside "Offline".
 */
export function BoardPageMenu() {
  const phone = useTopBarLayout() === 'phone'
  return (
    <div className="board-page-menu" data-compact={phone || undefined}>
      <DefaultPageMenu />
    </div>
  )
}
