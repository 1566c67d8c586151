import { AnimaticExportPanel } from './AnimaticExportPanel'
import { ExportMenuItem } from './ExportMenuItem'

/** The main menu's "Export video…", beside Print: the animatic as a video file, for viewers too. */
export function ExportVideoMenuItem() {
  return <ExportMenuItem id="export-video" label="Export video…" title="Export video" Panel={AnimaticExportPanel} />
}
