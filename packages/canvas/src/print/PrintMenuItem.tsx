import { TldrawUiMenuGroup, TldrawUiMenuItem } from 'tldraw'
import { useLocation } from 'wouter'
import { useBoardSession } from '../board/BoardSessionContext'

/** The main menu's "Print storyboard…": opens the board's print page (its own address), for viewers too. */
export function PrintMenuItem() {
  const session = useBoardSession()
  const [, navigate] = useLocation()
  return (
    <TldrawUiMenuGroup id="print">
      <TldrawUiMenuItem id="print-storyboard" label="Print storyboard…" readonlyOk onSelect={() => navigate(`/b/${session.boardId}/print`)} />
    </TldrawUiMenuGroup>
  )
}
