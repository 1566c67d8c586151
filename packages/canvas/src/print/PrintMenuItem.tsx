import { TldrawUiMenuGroup, TldrawUiMenuItem } from 'tldraw'
import { useLocation } from 'wouter'
import { useBoardSession } from '../board/BoardSessionContext'
import { ExportForEditingMenuItem } from '../animatic/ExportForEditingMenuItem'
import { ExportVideoMenuItem } from '../animatic/ExportVideoMenuItem'

/**
 * The main menu's "Print storyboard…" and "Print review notes…": open the board's print pages
 * (their own addresses), for viewers too; and beside them "Export video…" (the animatic as a file) and
 * "Export for editing…" (stills, XML and EDL for an editor).
 */
export function PrintMenuItem() {
  const session = useBoardSession()
  const [, navigate] = useLocation()
  return (
    <TldrawUiMenuGroup id="print">
      <TldrawUiMenuItem id="print-storyboard" label="Print storyboard…" readonlyOk onSelect={() => navigate(`/b/${session.boardId}/print`)} />
      <TldrawUiMenuItem id="print-review-notes" label="Print review notes…" readonlyOk onSelect={() => navigate(`/b/${session.boardId}/review-notes`)} />
      <ExportVideoMenuItem />
      <ExportForEditingMenuItem />
    </TldrawUiMenuGroup>
  )
}
