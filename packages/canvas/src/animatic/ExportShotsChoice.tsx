import { useId, useState } from 'react'
import type { ExportRangeChoice, ExportRangeOffer, RangeScene } from './exportRange'

export type ExportShotsChoiceProps = {
  offer: ExportRangeOffer
  choice: ExportRangeChoice
  /** The choice of the selected shots, when offered. */
  selection: ExportRangeChoice
  onChoose(choice: ExportRangeChoice): void
  /** Why the chosen shots cannot be exported (none there), for the Export button to be described by `reasonId`. */
  reason: string | null
  reasonId: string
  /** Opened from Present: its one scene is named on its choice rather than picked. */
  presented: boolean
}

/**
 * An export's Shots choice, at the top of its dialog: Whole board, a Scene (picked from the board's
 * scenes, named as the strip names them), or the Selected shots with their count. Not shown when
 * the whole board is all there is to choose.
 */
export function ExportShotsChoice({ offer, choice, selection, onChoose, reason, reasonId, presented }: ExportShotsChoiceProps) {
  const name = useId()
  const [sceneId, setSceneId] = useState(offer.scenes[0]?.id)
  if (offer.scenes.length === 0 && offer.selected === 0) return null
  const picked = offer.scenes.find((scene) => scene.id === sceneId)
  return (
    <fieldset className="animatic-export__formats">
      <legend>Shots</legend>
      <label className="animatic-export__option">
        <input type="radio" name={name} checked={choice.kind === 'board'} onChange={() => onChoose({ kind: 'board' })} />
        Whole board
      </label>
      {sceneId !== undefined && (
        <div className="animatic-export__option">
          <label className="animatic-export__option">
            <input type="radio" name={name} checked={choice.kind === 'scene'} onChange={() => onChoose({ kind: 'scene', sceneId })} />
            Scene
            {presented && picked && (
              <>
                {' '}
                <SceneName scene={picked} />
              </>
            )}
          </label>
          {!presented && (
            <select
              aria-label="Scene"
              value={sceneId}
              onChange={(event) => {
                setSceneId(event.currentTarget.value)
                onChoose({ kind: 'scene', sceneId: event.currentTarget.value })
              }}
            >
              {offer.scenes.map((scene) => (
                <option key={scene.id} value={scene.id}>
                  {sceneOptionText(scene)}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {offer.selected > 0 && (
        <label className="animatic-export__option">
          <input type="radio" name={name} checked={choice.kind === 'selection'} onChange={() => onChoose(selection)} />
          Selected shots ({offer.selected})
        </label>
      )}
      {reason && (
        <span id={reasonId} className="animatic-export__hint animatic-export__hint--unsupported">
          {reason}
        </span>
      )}
    </fieldset>
  )
}

/** "3 Kitchen INT. KITCHEN – NIGHT", as the strip heads the scene, its text isolated. */
function SceneName({ scene }: { scene: RangeScene }) {
  return (
    <>
      {scene.number} {scene.name ? <bdi>{scene.name}</bdi> : scene.slugline ? null : 'Untitled scene'}
      {scene.name && scene.slugline ? ' ' : null}
      {scene.slugline && <bdi>{scene.slugline}</bdi>}
    </>
  )
}

/** First-strong isolate and its pop: an option holds text only, so its typed parts are isolated as `<bdi>` would. */
const FSI = '\u2068'
const PDI = '\u2069'

/** SceneName as an option's text. */
function sceneOptionText(scene: RangeScene): string {
  const isolated = (text: string) => `${FSI}${text}${PDI}`
  const name = scene.name ? isolated(scene.name) : scene.slugline ? '' : 'Untitled scene'
  return [String(scene.number), name, scene.slugline && isolated(scene.slugline)].filter(Boolean).join(' ')
}
