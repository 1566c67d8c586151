import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { isLightTableOn } from './lightTableSetting'
import { culledShapesOf, shotsBeforeOf } from './lightTableSignals'
import { LightTablePicture } from './LightTablePicture'
import '../../styles/light-table.css'

/**
 * The light table in one shot's frame on the canvas: the shot before it, faint, under the sketch
 * drawn in it (see LightTablePicture). Only while the light table is on and the frame is in
 * view: a culled frame (tldraw keeps it mounted, undrawn) loads and exports nothing. The panel
 * mounts it only in a frame without a picture, at a readable zoom, never in an export.
 */
export function LightTableUnderlay({ shotId }: { shotId: TLShapeId }) {
  const editor = useEditor()
  const before = useValue(
    'light table shot before',
    () => {
      if (!isLightTableOn()) return null
      if (culledShapesOf(editor).get().has(shotId)) return null
      return shotsBeforeOf(editor).get().get(shotId) ?? null
    },
    [editor, shotId],
  )
  return before ? <LightTablePicture editor={editor} shotId={before} /> : null
}
