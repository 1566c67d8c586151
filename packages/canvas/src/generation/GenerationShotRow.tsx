import type { ModelView } from '@storyloom/shared/generation/api'
import { MOTION_KIND_IDS } from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'
import { GenerationReferenceChip } from './GenerationReferenceChip'
import type { GenerationSize } from '@storyloom/shared/generation/generationSize'
import type { ShotDraft } from './generationFormModel'
import { planShotReferences } from './referencePlan'
import { ShotDraftName } from './ShotDraftName'
import { describedByProblem } from '../app/describedByProblem'

/** One shot in the generation form: what it is, its size, its prompt, and what it brings along. */
export function GenerationShotRow({
  draft,
  size,
  defaultPrompt,
  useReferences,
  model,
  weights,
  problem,
  onPrompt,
  onWeight,
}: {
  draft: ShotDraft
  size: GenerationSize
  /** The prompt as prefilled from the shot, to offer going back to it. */
  defaultPrompt: string
  useReferences: boolean
  /** The chosen model: the row says which references it uses. */
  model: ModelView | undefined
  /** Image-prompt weights by reference shape id (absent: the role's default). */
  weights: Readonly<Record<string, number>>
  problem: string | undefined
  onPrompt: (prompt: string) => void
  onWeight: (referenceShapeId: string, weight: number) => void
}) {
  const promptId = `generation-prompt-${draft.shotId}`
  const plan = planShotReferences(draft.inputs.references, model, weights)
  return (
    <li className="generation-form__shot" data-testid="generation-shot">
      <div className="generation-form__shot-head">
        <label htmlFor={promptId} className="generation-form__shot-label">
          <ShotDraftName draft={draft} />
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
        value={draft.prompt}
        {...describedByProblem(problem, `${promptId}-problem`)}
        onChange={(e) => onPrompt(e.currentTarget.value)}
      />
      {problem && (
        <span id={`${promptId}-problem`} className="generation-form__problem" role="alert">
          {problem}
        </span>
      )}
      {(draft.inputs.references.length > 0 || draft.inputs.motion.length > 0) && (
        <ul className="generation-form__chips" aria-label="Passed along">
          {draft.inputs.references.map((ref, index) => (
            <GenerationReferenceChip
              key={ref.shapeId}
              reference={ref}
              use={plan?.[index]}
              off={!useReferences}
              weight={weights[ref.shapeId]}
              onWeight={(weight) => onWeight(ref.shapeId, weight)}
            />
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
