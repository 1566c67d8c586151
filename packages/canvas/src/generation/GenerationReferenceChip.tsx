import { entryOf, REFERENCE_ROLES } from '@storyloom/shared/storyboard/vocabulary'
import { referenceWeight, type ReferenceUse } from '@storyloom/shared/generation/referenceUse'
import type { GenerationReference } from './shotGenerationInputs'

/**
 * One reference in the generation form: its picture and role, and how the chosen model uses it
 * — image-to-image, an image prompt with an editable weight, or not at all and why.
 */
export function GenerationReferenceChip({
  reference,
  use,
  off,
  weight,
  onWeight,
}: {
  reference: GenerationReference
  /** Undefined while no model is known. */
  use: ReferenceUse | undefined
  /** References are turned off for this generation. */
  off: boolean
  weight: number | undefined
  onWeight: (weight: number) => void
}) {
  const role = entryOf(REFERENCE_ROLES, reference.role).label
  const shown = off ? undefined : use
  // A weight set to 0 turns the reference off; its field stays so it can be turned back on.
  const weighted = shown?.use === 'image-prompt' || (shown?.use === 'ignored' && weight === 0)
  return (
    <li className="generation-form__chip" data-off={off ? '' : undefined} data-use={shown?.use} title={shown?.reason ?? reference.preview.name} data-testid="generation-reference">
      {reference.preview.kind === 'image' && <img src={reference.preview.src} alt="" />}
      {role}
      {shown?.use === 'image-to-image' && ' → image-to-image'}
      {weighted && (
        <>
          {shown?.use === 'image-prompt' ? ' → image prompt ' : ' — off, weight '}
          <input
            type="number"
            className="generation-form__weight"
            aria-label={`${role} reference weight`}
            min={0}
            max={1}
            step={0.1}
            value={weight ?? referenceWeight(reference) ?? 0}
            onChange={(e) => {
              const value = e.currentTarget.valueAsNumber
              if (Number.isFinite(value)) onWeight(Math.min(1, Math.max(0, value)))
            }}
          />
        </>
      )}
      {shown?.use === 'ignored' && !weighted && <span className="generation-form__chip-note">{` — ${shown.reason ?? 'not used'}`}</span>}
    </li>
  )
}
