import { useEditor } from 'tldraw'
import type { GenerationView } from '@storyloom/shared/generation/api'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { isShownTake, pickTake } from './pickTake'

/** The takes of a shot's last generation, as thumbnails in its frame: click one to show it. */
export function ShotTakeChoices({ shot, generation }: { shot: TLShotShape; generation: GenerationView }) {
  const editor = useEditor()
  const readonly = editor.getIsReadonly()
  return (
    <ul className="shot-generation__choices" aria-label="Takes" data-testid="shot-takes">
      {generation.results.map((result) => {
        const shown = isShownTake(shot, result)
        return (
          <li key={result.variationIndex}>
            <button
              type="button"
              className="shot-generation__choice"
              aria-pressed={shown}
              aria-label={`Take ${result.variationIndex + 1} (seed ${result.seed})`}
              title={`Take ${result.variationIndex + 1} · seed ${result.seed}`}
              disabled={readonly}
              // The canvas would take the press as the start of a drag of the shot.
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => {
                if (!shown) pickTake(editor, shot, generation, result)
              }}
            >
              <img src={result.image.url} alt="" draggable={false} />
            </button>
          </li>
        )
      })}
    </ul>
  )
}
