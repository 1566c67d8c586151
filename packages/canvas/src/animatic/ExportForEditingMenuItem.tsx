import { EditExportPanel } from './EditExportPanel'
import { ExportMenuItem } from './ExportMenuItem'

/** The main menu's "Export for editing…", beside Export video: the animatic as stills, XML and EDL for an editor, for viewers too. */
export function ExportForEditingMenuItem() {
  return <ExportMenuItem id="export-for-editing" label="Export for editing…" title="Export for editing" Panel={EditExportPanel} />
}
