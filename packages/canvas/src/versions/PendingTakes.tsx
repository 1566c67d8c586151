import type { ShotGenerationActivity } from '../generation/shotGenerationActivity'

/**
 * The takes of the shot's run that have not landed yet, as tiles above the tree, on every
 * collaborator's screen: each says whether it is queued, rendering (with the live step preview
 * and progress, as the shot's frame shows it) or waiting its turn. A tile goes once its take
 * lands: the take then joins the tree with its picture.
 */
export function PendingTakes({ activity }: { activity: ShotGenerationActivity }) {
  const { active, preview } = activity
  if (!active) return null
  const total = active.params.variations
  const landed = new Set(active.results.map((result) => result.variationIndex))
  const live = active.status === 'running' && preview?.generationId === active.id ? preview : null
  // Takes render one after another: those before the one previewed are done (the run's list of
  // results can come a moment after the take itself).
  const waiting = Array.from({ length: total }, (_, index) => index).filter((index) => !landed.has(index) && index >= (live?.variationIndex ?? 0))
  if (waiting.length === 0) return null
  const rendering = active.status === 'running' ? (live?.variationIndex ?? waiting[0]) : undefined
  return (
    <ul className="version-pending" aria-label="Takes still rendering">
      {waiting.map((index) => {
        const shown = live?.variationIndex === index ? live : null
        const percent = shown ? Math.round((shown.step / shown.totalSteps) * 100) : 0
        const state = active.status === 'queued' ? 'Queued' : index === rendering ? 'Rendering…' : 'Waiting'
        return (
          <li key={index} className="version-pending__tile" data-testid="version-pending" data-state={state} title={`Take ${index + 1} of ${total}: ${state}${shown ? ` ${percent}%` : ''}`}>
            {shown && <img className="version-pending__preview" src={shown.image} alt="" draggable={false} />}
            <span className="version-pending__text">{state}</span>
            <div
              className="version-pending__bar"
              role="progressbar"
              aria-label={`Take ${index + 1} of ${total}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
            >
              <div style={{ width: `${percent}%` }} />
            </div>
          </li>
        )
      })}
    </ul>
  )
}
