import { useEditor } from 'tldraw'
import { useBoardFrameGuides } from './boardFrameGuides'
import { FrameGuideSvg } from './FrameGuideSvg'

/**
 * The board's frame guides over one shot's frame on the canvas, in the frame's own proportions.
 * Never takes a pointer: the frame under it is clicked, dropped on and drawn in as before.
 */
export function FrameGuideOverlay({ width, height }: { width: number; height: number }) {
  const editor = useEditor()
  const guides = useBoardFrameGuides(editor.store)
  if (guides === 'none') return null
  return <FrameGuideSvg width={width} height={height} guides={guides} />
}
