import { entryOf, REFERENCE_ROLES } from '@storyloom/shared/storyboard/vocabulary'
import { MOTION_KIND_IDS } from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'
import type { GenerationSize } from './generationSize'
import type { ShotDraft } from './generationFormModel'
import { compositionReference } from './shotGenerationInputs'

/** One shot in the generation form: what it is, its size, its prompt, and what it brings along. */
export function GenerationShotRow({
  draft,
  size,
  defaultPrompt,
  useReferences,
  problem,
  onPrompt,
}: {
  draft: ShotDraft
  size: GenerationSize
  /** The prompt as prefilled from the shot, to offer going back to it. */
  defaultPrompt: string
  useReferences: boolean
  problem: string | undefined
  onPrompt: (prompt: string) => void
}) {
  const promptId = `generation-prompt-${draft.shotId}`
  const composition = useReferences ? compositionReference(draft.inputs) : undefined
  return (
    <li className="generation-form__shot" data-testid="generation-shot">
      <div className="generation-form__shot-head">
        <label htmlFor={promptId} className="generation-form__shot-label">
          {draft.label}
        </label>
        <span className="generation-form__shot-size">{`${draft.aspect} · ${size.width} × ${size.height}`}</span>
        {draft.prompt !== defaultPrompt && (
          <button type="button" className="generation-form__link" onClick={() => onPrompt(defaultPrompt)}>
            Reset from shot
          </button>
        )}
      </div>
      <textarea
        id={promptId}
        className="generation-form__prompt"
        rows={2}
        maxLength={2000}
        value={draft.prompt}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${promptId}-problem` : undefined}
        onChange={(e) => onPrompt(e.currentTarget.value)}
      />
      {problem && (
        <span id={`${promptId}-problem`} className="generation-form__problem" role="alert">
          {problem}
        </span>
      )}
      {(draft.inputs.references.length > 0 || draft.inputs.motion.length > 0) && (
        <ul className="generation-form__chips" aria-label="Passed along">
          {draft.inputs.references.map((ref) => (
            <li key={ref.shapeId} className="generation-form__chip" data-off={useReferences ? undefined : ''} title={ref.preview.name}>
              {ref.preview.kind === 'image' && <img src={ref.preview.src} alt="" />}
              {`${entryOf(REFERENCE_ROLES, ref.role).label}${ref === composition ? ' → image-to-image' : ''}`}
            </li>
          ))}
          {draft.inputs.motion.map((m) => (
            <li key={m.shapeId} className="generation-form__chip generation-form__chip--motion">
              {m.kind === 'subject' ? 'Subject motion' : motionLabel(m.kind)}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}

function motionLabel(kind: (typeof MOTION_KIND_IDS)[number]): string {
  return CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind
}
