import { aspectRatioValue, type AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { FrameGuideSvg, type DrawnFrameGuides } from '../storyboard/guides/FrameGuideSvg'

/** Height of the frame the guides are drawn for: any size does, the SVG is scaled to the picture's box. */
const FRAME_HEIGHT = 900

/**
 * The viewer's frame guides over a shot's picture in Present (the stage, the grid's cards), in
 * the shot's aspect ratio: place it to fill the picture's own box. Nothing when `guides` is null.
 */
export function ShotFrameGuides({ aspect, guides }: { aspect: AspectRatio; guides: DrawnFrameGuides | null }) {
  if (!guides) return null
  return <FrameGuideSvg width={FRAME_HEIGHT * aspectRatioValue(aspect)} height={FRAME_HEIGHT} guides={guides} />
}
