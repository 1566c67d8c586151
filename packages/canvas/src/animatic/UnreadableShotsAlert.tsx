import type { PresentationShot } from '../presentation/presentationShots'
import { UNTITLED_SHOT } from '../storyboard/shotTitleText'

/** The shots an export could not load the picture of, named at its end; `what` says what shows their card ("the video", "their stills"). */
export function UnreadableShotsAlert({ shots, what }: { shots: readonly PresentationShot[]; what: string }) {
  if (shots.length === 0) return null
  return (
    <div role="alert" className="animatic-export__problems">
      <p>These shots’ pictures could not be loaded; {what} their placeholder card instead:</p>
      <ul>
        {shots.map((shot) => (
          <li key={shot.id}>
            Shot {shot.number} · {shot.title ? <bdi>{shot.title}</bdi> : UNTITLED_SHOT}
          </li>
        ))}
      </ul>
    </div>
  )
}
