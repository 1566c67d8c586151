import { useId, type ReactNode } from 'react'
import type { ModelView } from '@storyloom/shared/generation/api'
import { MAX_VARIATIONS } from '@storyloom/shared/generation/jobs'
import type { ModelsState } from './BoardGenerationFeed'
import { SIZE_SCALES, type FormProblemField, type GenerationSettings, type SizeScaleId } from './generationFormModel'
import { NoWorkerNote } from './NoWorkerNote'
import { describedByProblem } from '../app/describedByProblem'

/** The settings every selected shot shares: model, negative prompt, seed, steps, guidance, size, takes. */
export function GenerationSettingsFields({
  settings,
  models,
  showStrength,
  showClip,
  showReferences,
  problems,
  onChange,
  onModel,
}: {
  settings: GenerationSettings
  models: ModelsState
  /** A selected shot has a composition reference. */
  showStrength: boolean
  /** A selected shot has a camera move. */
  showClip: boolean
  /** Some shot has references: the choice to pass them along means something. */
  showReferences: boolean
  problems: ReadonlyMap<FormProblemField, string>
  onChange: (change: Partial<GenerationSettings>) => void
  onModel: (model: ModelView) => void
}) {
  const list = models.status === 'ready' ? models.models : []
  const model = list.find((m) => m.id === settings.modelId)
  // Each field's problem, for its Field to show, and the attributes tying its control to it.
  const idBase = useId()
  const problemOf = (field: FormProblemField) => ({ problem: problems.get(field), problemId: `${idBase}-${field}` })
  const tiedTo = (field: FormProblemField) => describedByProblem(problems.get(field), `${idBase}-${field}`)
  return (
    <div className="generation-form__settings">
      <Field label="Model" {...problemOf('modelId')} wide note={<ModelNote models={models} model={model} />}>
        <select
          value={settings.modelId}
          {...tiedTo('modelId')}
          disabled={list.length === 0}
          onChange={(e) => {
            const next = list.find((m) => m.id === e.currentTarget.value)
            if (next) onModel(next)
          }}
        >
          {list.length === 0 && <option value="">{models.status === 'loading' ? 'Loading models…' : 'No model available'}</option>}
          {list.map((m) => (
            <option key={m.id} value={m.id}>
              {`${m.name}${m.builtIn && !/built-in/iu.test(m.name) ? ' (built-in)' : ''}${m.isDefault ? ' — default' : ''}`}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Negative prompt" {...problemOf('negativePrompt')} wide>
        <textarea
          rows={2}
          placeholder="What to keep out, e.g. text, watermark, blurry"
          {...tiedTo('negativePrompt')}
          value={settings.negativePrompt}
          onChange={(e) => onChange({ negativePrompt: e.currentTarget.value })}
        />
      </Field>
      <Field label="Seed" {...problemOf('seed')}>
        <div className="generation-form__seed">
          <select
            aria-label="Seed mode"
            value={settings.seedMode}
            onChange={(e) => onChange({ seedMode: e.currentTarget.value === 'fixed' ? 'fixed' : 'random' })}
          >
            <option value="random">Random</option>
            <option value="fixed">Fixed</option>
          </select>
          {settings.seedMode === 'fixed' && (
            <input
              aria-label="Seed value"
              {...tiedTo('seed')}
              type="number"
              min={0}
              max={0xffff_ffff}
              step={1}
              value={settings.seed}
              onChange={(e) => onChange({ seed: e.currentTarget.valueAsNumber })}
            />
          )}
        </div>
      </Field>
      <Field label="Steps" {...problemOf('steps')}>
        <input type="number" min={1} max={100} step={1} value={settings.steps} {...tiedTo('steps')} onChange={(e) => onChange({ steps: e.currentTarget.valueAsNumber })} />
      </Field>
      <Field label="Guidance" {...problemOf('guidance')}>
        <input type="number" min={0} max={30} step={0.5} value={settings.guidance} {...tiedTo('guidance')} onChange={(e) => onChange({ guidance: e.currentTarget.valueAsNumber })} />
      </Field>
      <Field label="Size" {...problemOf('sizeScale')}>
        <select value={settings.sizeScale} {...tiedTo('sizeScale')} onChange={(e) => onChange({ sizeScale: e.currentTarget.value as SizeScaleId })}>
          {SIZE_SCALES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Variations" {...problemOf('variations')}>
        <input
          type="number"
          min={1}
          max={MAX_VARIATIONS}
          step={1}
          value={settings.variations}
          {...tiedTo('variations')}
          onChange={(e) => onChange({ variations: e.currentTarget.valueAsNumber })}
        />
      </Field>
      {showReferences && (
        <label className="generation-form__check">
          <input
            type="checkbox"
            checked={settings.useReferences}
            {...tiedTo('useReferences')}
            onChange={(e) => onChange({ useReferences: e.currentTarget.checked })}
          />
          Use the shots’ references
        </label>
      )}
      {problems.get('useReferences') && (
        <span id={`${idBase}-useReferences`} className="generation-form__problem generation-form__problem--wide" role="alert">
          {problems.get('useReferences')}
        </span>
      )}
      {showClip && (
        <label className="generation-form__check">
          <input type="checkbox" checked={settings.clip} onChange={(e) => onChange({ clip: e.currentTarget.checked })} />
          Also render a clip of the camera move
        </label>
      )}
      {showStrength && settings.useReferences && (
        <Field
          label={`Strength ${settings.strength.toFixed(2)}`}
          {...problemOf('strength')}
          wide
          note={<span className="generation-form__hint">Low keeps the composition reference’s layout; high lets the prompt take over.</span>}
        >
          <input
            type="range"
            min={0.05}
            max={1}
            step={0.05}
            value={settings.strength}
            // Named by the field alone (the label shows the value beside it, which would change the name); the value is read as its value.
            aria-label="Strength"
            {...tiedTo('strength')}
            aria-valuetext={`${Math.round(settings.strength * 100)}%: ${settings.strength < 0.5 ? 'close to the composition reference' : 'free from it'}`}
            onChange={(e) => onChange({ strength: e.currentTarget.valueAsNumber })}
          />
        </Field>
      )}
    </div>
  )
}

function ModelNote({ models, model }: { models: ModelsState; model: ModelView | undefined }) {
  if (models.status === 'failed' && models.unreachable) {
    return <span className="generation-form__problem">You are offline: generating needs the connection to the Storyloom server. The models load, and Generate works, as soon as it is back.</span>
  }
  if (models.status === 'failed') return <span className="generation-form__problem">{`Models could not be loaded: ${models.message}`}</span>
  if (models.status === 'ready' && models.workers === 0) {
    return <NoWorkerNote lastRefusal={models.lastRefusal} className="generation-form__hint" />
  }
  if (model?.builtIn) {
    return <span className="generation-form__hint">Storyloom’s small built-in model: smooth placeholder images for trying things out. Install a real model for pictures.</span>
  }
  if (model?.nonCommercial) return <span className="generation-form__hint">{`Non-commercial license: ${model.license}.`}</span>
  return null
}

/**
 * A labelled control; its note and problem sit outside the label, so the control's name stays its
 * label, and the control points at the problem (`problemId`), read as its description.
 */
function Field({
  label,
  problem,
  problemId,
  wide,
  note,
  children,
}: {
  label: string
  problem: string | undefined
  /** The problem's id, which the control points at (aria-describedby). */
  problemId: string
  wide?: boolean
  note?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="generation-form__field" data-wide={wide ? '' : undefined}>
      <label className="generation-form__control">
        <span className="generation-form__label">{label}</span>
        {children}
      </label>
      {note}
      {problem && (
        <span id={problemId} className="generation-form__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
