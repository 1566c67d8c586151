import { useRef } from 'react'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import type { DrawnFrameGuides } from '../storyboard/guides/FrameGuideSvg'
import { ShotFrameGuides } from './ShotFrameGuides'
import { useStagePictureBox } from './useStagePictureBox'

/** The incoming shot's picture box (PresentationStage): its image's or clip's frame, or its sketch's paper — not an empty frame's card, which gets no guides. */
const INCOMING_PICTURE_BOX = '.presentation-stage__incoming .aspect-fit__box'

/**
 * The frame guides during a transition (mounted by PresentationStage inside
 * `.presentation-stage__frame`, after the pictures): once, at full strength, over the incoming
 * shot's own picture box, outside the faded or wiped picture layers, so neither the outgoing
 * shot's guides nor a dimmed set show. Fitted to the box, which camera moves do not move (they
 * move the picture inside it), so the guides stay put as they do outside a transition.
 */
export function StageGuidesOverTransition({ shotId, aspect, guides }: { shotId: string; aspect: AspectRatio; guides: DrawnFrameGuides | null }) {
  const layer = useRef<HTMLDivElement>(null)
  const { picture } = useStagePictureBox(layer, INCOMING_PICTURE_BOX, [shotId, aspect, guides])
  if (!guides) return null
  return (
    <div className="presentation-stage__transition-guides" ref={layer}>
      {picture && (
        <div className="presentation-stage__transition-guides-box" style={{ left: picture.x, top: picture.y, width: picture.width, height: picture.height }}>
          <ShotFrameGuides aspect={aspect} guides={guides} />
        </div>
      )}
    </div>
  )
}
