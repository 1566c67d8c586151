import { useEffect, useMemo, useRef, useState } from 'react'
import {
  TldrawUiDialogBody,
  TldrawUiDialogCloseButton,
  TldrawUiDialogFooter,
  TldrawUiDialogHeader,
  TldrawUiDialogTitle,
  useEditor,
  useToasts,
  useValue,
  type TLShapeId,
} from 'tldraw'
import type { ModelView } from '@storyloom/shared/generation/api'
import { ApiErrorCode, type ApiErrorCode as ApiErrorCodeValue } from '@storyloom/shared/api/errors'
import { ApiError } from '../api/apiClient'
import { useDialogKeyboard } from '../app/useDialogKeyboard'
import {
  buildRequests,
  defaultModel,
  initialSettings,
  lengthProblems,
  prefilledSettings,
  shotSize,
  withModel,
  type FormProblem,
  type FormProblemField,
  type GenerationSettings,
  type ShotDraft,
} from './generationFormModel'
import type { ModelsState } from './BoardGenerationFeed'
import { GenerationSettingsFields } from './GenerationSettingsFields'
import { GenerationShotRow } from './GenerationShotRow'
import { useGenerationFeed } from './GenerationFeedContext'
import type { GenerationFormRequest } from './generationFormRequest'
import { compositionReference } from './shotGenerationInputs'
import { shotDrafts } from './shotDrafts'
import { ShotDraftName } from './ShotDraftName'
import '../styles/generation.css'

/** Where a server refusal belongs in the form. */
const FIELD_OF_CODE: Partial<Record<ApiErrorCodeValue, FormProblemField>> = {
  [ApiErrorCode.unknownModel]: 'modelId',
  [ApiErrorCode.invalidSize]: 'sizeScale',
  [ApiErrorCode.tooManyVariations]: 'variations',
  [ApiErrorCode.missingReference]: 'useReferences',
}

/**
 * The generation form for one or several shots: a prompt per shot (prefilled from its action
 * and camera), the shared settings, and one create request per shot on submit. What the server
 * refuses (unknown model, caps) is shown in the form, and shots already started leave the list,
 * so a second try never starts them twice.
 */
export function GenerationDialog({ onClose, request }: { onClose: () => void; request: GenerationFormRequest }) {
  const editor = useEditor()
  const feed = useGenerationFeed()
  const { addToast } = useToasts()
  const models = useValue('generation models', () => feed.models.get(), [feed])
  // What people type (the prompts) and which shots are left is the form's own; what the board
  // holds (references, motion, names) stays live: an upload that lands after the form opened is used.
  // So does each shot's own prompt: when someone rewrites the shot meanwhile, "Reset from shot" offers it.
  const [ownDrafts, setDrafts] = useState<ShotDraft[]>(() => shotDrafts(editor, request.shotIds, request.params?.prompt))
  const boardDrafts = useValue('shot drafts', () => new Map(shotDrafts(editor, request.shotIds).map((d) => [d.shotId, d])), [editor, request.shotIds])
  const drafts = useMemo(() => ownDrafts.map((d) => withBoardInputs(d, boardDrafts.get(d.shotId))), [ownDrafts, boardDrafts])
  const [settings, setSettings] = useState<GenerationSettings>(() => prefilledSettings(initialSettings(undefined), request.params))
  const [problems, setProblems] = useState<FormProblem[]>([])
  const [submitting, setSubmitting] = useState(false)
  // One idempotency key per shot and body: retrying the same submit cannot start a shot twice.
  const keys = useRef(new Map<string, { body: string; key: string }>())
  const formRef = useRef<HTMLFormElement>(null)
  // Opens with the keyboard in the first prompt, caret after the prefilled text (not on the
  // header's Close button); Escape closes the form only — reaching the canvas it cleared the
  // selection and so emptied the Versions panel whose "Iterate from here" the keyboard goes back to.
  useDialogKeyboard(formRef, onClose, () => {
    const prompt = formRef.current?.querySelector<HTMLTextAreaElement>('textarea.generation-form__prompt')
    if (!prompt) return false
    prompt.focus()
    prompt.setSelectionRange(prompt.value.length, prompt.value.length)
    return true
  })

  useEffect(() => void feed.refreshModels(), [feed])
  // A refusal can be beside a field scrolled out of the body (a short screen, several shots): bring the first into view.
  useEffect(() => {
    if (problems.length > 0) formRef.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' })
  }, [problems])
  const list = models.status === 'ready' ? models.models : []
  const model = list.find((m) => m.id === settings.modelId)
  useEffect(() => {
    if (models.status !== 'ready' || models.models.some((m) => m.id === settings.modelId)) return
    const asked = models.models.find((m) => m.id === request.params?.modelId)
    const chosen = asked ?? defaultModel(models.models)
    if (chosen) setSettings((s) => prefilledSettings(withModel(s, chosen), asked ? request.params : undefined))
  }, [models, settings.modelId, request])

  // A prompt over the limit is said as it is typed or pasted (the fields never cut it), over a refusal of its earlier text.
  const problemMap = new Map([...problems, ...lengthProblems(drafts, settings)].map((p) => [p.field, p.message]))
  // Editing a field drops its refusal: it was about the text before.
  const dropProblem = (field: FormProblemField) => setProblems((ps) => (ps.some((p) => p.field === field) ? ps.filter((p) => p.field !== field) : ps))
  const showStrength = drafts.some((d) => compositionReference(d.inputs))
  const showClip = drafts.some((d) => d.hasCameraMove)
  const showReferences = drafts.some((d) => d.inputs.references.length > 0)
  const images = drafts.length * (Number.isFinite(settings.variations) ? settings.variations : 1)
  const change = (partial: Partial<GenerationSettings>) => {
    if (partial.negativePrompt !== undefined) dropProblem('negativePrompt')
    setSettings((s) => ({ ...s, ...partial }))
  }

  async function submit() {
    const built = buildRequests(drafts, settings, model, request.parentVersionId ? { parentVersionId: request.parentVersionId } : {})
    if (!built.ok) {
      // No model because none could be loaded, not because no worker runs: say that, and try again.
      const missing = modelsMissing(models)
      setProblems(missing ? built.problems.map((p) => (p.field === 'modelId' ? { ...p, message: missing } : p)) : built.problems)
      if (models.status === 'failed') void feed.refreshModels()
      return
    }
    setSubmitting(true)
    setProblems([])
    const started: TLShapeId[] = []
    const refused: FormProblem[] = []
    for (const { shotId, body } of built.requests) {
      const json = JSON.stringify(body)
      const known = keys.current.get(shotId)
      const key = known?.body === json ? known.key : crypto.randomUUID()
      keys.current.set(shotId, { body: json, key })
      try {
        await feed.create(body, key)
        started.push(shotId)
      } catch (error) {
        refused.push(problemOf(error, shotId, built.requests.length > 1))
        // The caps apply to every other shot just the same: stop instead of repeating the refusal.
        if (error instanceof ApiError && (error.code === ApiErrorCode.tooManyGenerations || error.code === 'unreachable')) break
      }
    }
    setSubmitting(false)
    if (started.length > 0) {
      addToast({
        title: started.length === 1 ? 'Generation started' : `${started.length} generations started`,
        description: 'Previews appear in the frames; the queue lists them for everyone.',
        severity: 'success',
      })
    }
    if (refused.length === 0) {
      onClose()
      return
    }
    setDrafts((ds) => ds.filter((d) => !started.includes(d.shotId)))
    setProblems(refused)
  }

  // The last refusal of the whole form, as the field map keeps the last problem of a field.
  const busy = submitting || drafts.length === 0
  const formProblem = problems.findLast((p) => p.field === 'form')
  const formProblemShot = drafts.find((d) => d.shotId === formProblem?.shotId)
  return (
    <form
      ref={formRef}
      className="generation-form"
      data-testid="generation-form"
      // The form says what is refused itself, beside each field: the browser's own checks (a
      // number's min/max) would block the submit silently, with only a passing bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (!busy) void submit()
      }}
      onKeyDown={(e) => {
        // In the prompts (multi-line) plain Enter is a new line and Ctrl/⌘+Enter submits; in a
        // one-line field plain Enter submits already (the browser's implicit submission).
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
          e.preventDefault()
          if (!busy) void submit()
        }
      }}
    >
      <TldrawUiDialogHeader>
        <TldrawUiDialogTitle>
          {drafts.length === 1 ? (
            <>
              {'Generate — '}
              <ShotDraftName draft={drafts[0]!} />
            </>
          ) : (
            `Generate ${drafts.length} shots`
          )}
        </TldrawUiDialogTitle>
        <TldrawUiDialogCloseButton />
      </TldrawUiDialogHeader>
      <TldrawUiDialogBody className="generation-form__body">
        {formProblem && (
          <p className="generation-form__alert" role="alert">
            {formProblemShot && (
              <>
                <ShotDraftName draft={formProblemShot} />
                {': '}
              </>
            )}
            {formProblem.message}
          </p>
        )}
        <ol className="generation-form__shots">
          {drafts.map((draft) => (
            <GenerationShotRow
              key={draft.shotId}
              draft={draft}
              size={shotSize(draft, settings, model)}
              defaultPrompt={boardDrafts.get(draft.shotId)?.prompt ?? draft.prompt}
              useReferences={settings.useReferences}
              model={model}
              weights={settings.referenceWeights}
              problem={problemMap.get(`prompt:${draft.shotId}`)}
              onPrompt={(prompt) => {
                dropProblem(`prompt:${draft.shotId}`)
                setDrafts((ds) => ds.map((d) => (d.shotId === draft.shotId ? { ...d, prompt } : d)))
              }}
              onWeight={(shapeId, weight) => setSettings((s) => ({ ...s, referenceWeights: { ...s.referenceWeights, [shapeId]: weight } }))}
            />
          ))}
        </ol>
        <GenerationSettingsFields
          settings={settings}
          models={models}
          showStrength={showStrength}
          showClip={showClip}
          showReferences={showReferences}
          problems={problemMap}
          onChange={change}
          onModel={(m: ModelView) => setSettings((s) => withModel(s, m))}
        />
      </TldrawUiDialogBody>
      <TldrawUiDialogFooter className="tlui-dialog__footer__actions generation-form__footer">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {/* The form's default button: Enter in a one-line field (seed, steps, …) submits through it. */}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="generation-submit">
          {submitting ? 'Starting…' : `Generate ${images} image${images === 1 ? '' : 's'}`}
        </button>
      </TldrawUiDialogFooter>
    </form>
  )
}

/** The form's draft with what the board holds now (a shot deleted meanwhile keeps its last inputs). */
function withBoardInputs(draft: ShotDraft, board: ShotDraft | undefined): ShotDraft {
  if (!board) return draft
  return { ...board, prompt: draft.prompt }
}

/** A refusal as the form shows it: next to its field, naming the shot when there are several. */
function problemOf(error: unknown, shotId: TLShapeId, several: boolean): FormProblem {
  const message = error instanceof Error ? error.message : String(error)
  const field = (error instanceof ApiError && error.code in FIELD_OF_CODE && FIELD_OF_CODE[error.code as ApiErrorCodeValue]) || 'form'
  return { field, message, ...(several && field === 'form' && { shotId }) }
}

/** Why the form has no model when the list of models is not loaded (yet); undefined once it is. */
function modelsMissing(models: ModelsState): string | undefined {
  if (models.status === 'loading') return 'The models are still loading: generate again in a moment.'
  if (models.status === 'ready') return undefined
  return models.unreachable
    ? 'Generating needs the connection to the Storyloom server: generate again once it is back (the form stays as it is).'
    : `Models could not be loaded (${models.message}): generate again to retry.`
}
