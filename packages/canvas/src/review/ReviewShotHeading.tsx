import type { PresentationShot } from '../presentation/presentationShots'
import { ShotTitle } from '../storyboard/ShotTitle'

/** The review panel's heading: "Shot 1.2 · Untitled shot" — an untitled shot named as on the stage, the grid and the canvas. */
export function ReviewShotHeading({ shot }: { shot: PresentationShot }) {
  return (
    <h2 className="review-panel__shot">
      Shot {shot.number} · <ShotTitle title={shot.title} />
    </h2>
  )
}
