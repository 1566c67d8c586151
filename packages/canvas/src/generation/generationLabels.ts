import type { GenerationView } from '@storyloom/shared/generation/api'
import type { ModelsState } from './BoardGenerationFeed'
import type { BoardGenerationsState } from './boardGenerationsState'

/**
 * What a running generation says while the queue moves it off a worker that went silent
 * (`worker_lost`): resuming on another worker, or, when none is left, waiting for one (it said
 * "resuming on another worker…" beside "0 workers" before).
 */
export function workerLostText(models: ModelsState): string {
  const noneLeft = models.status === 'ready' && models.workers === 0
  return noneLeft
    ? 'Worker stopped responding — no worker left; it resumes when one starts'
    : 'Worker stopped responding — resuming on another worker…'
}

/** What a running generation says while its worker starts its inference process again (it died mid-run). */
export const WORKER_RESTARTING_TEXT = 'Worker restarting — this generation resumes in a moment…'

/** A generation's state in a few words: "Queued · 3rd", "Step 2 of 4", "Canceled · 2 of 4 takes kept", "Canceled: the shot was deleted". */
export function generationStatusText(
  generation: GenerationView,
  step?: { step: number; totalSteps: number; variationIndex: number } | null,
): string {
  switch (generation.status) {
    case 'queued':
      return generation.position ? `Queued · #${generation.position}` : 'Queued'
    case 'running':
      if (!step) return `Generating · ${Math.round(generation.progress * 100)}%`
      return generation.params.variations > 1
        ? `Take ${step.variationIndex + 1} of ${generation.params.variations} · step ${step.step} of ${step.totalSteps}`
        : `Step ${step.step} of ${step.totalSteps}`
    case 'succeeded':
      return 'Done'
    case 'failed':
      return `Failed${generation.error ? `: ${generation.error.message}` : ''}${keptTakes(generation)}`
    case 'canceled':
      // With the server's reason when no person canceled it (its shot was deleted).
      return `Canceled${generation.canceledReason ? `: ${generation.canceledReason}` : ''}${keptTakes(generation)}`
  }
}

/** " · 2 of 4 takes kept" for a run stopped after some of its takes landed (they are versions of the shot), else "". */
function keptTakes(generation: GenerationView): string {
  const kept = generation.results.length
  return kept > 0 ? ` · ${kept} of ${generation.params.variations} take${generation.params.variations === 1 ? '' : 's'} kept` : ''
}

/**
 * True when the image a shot shows was made by the built-in model. The shot's media names its
 * model; the models list, or the generation that made it, says whether that model is built in.
 */
export function madeByBuiltInModel(
  media: { assetId: string; src: string; model?: string | undefined } | null,
  models: ModelsState,
  state: BoardGenerationsState,
): boolean {
  if (!media?.model) return false
  // The server writes the model's name there, with " (built-in)" for the built-in one; older
  // boards may hold its id.
  const names = (m: { id: string; name: string }) => [m.id, m.name, `${m.name} (built-in)`]
  if (models.status === 'ready' && models.models.some((m) => m.builtIn && names(m).includes(media.model!))) return true
  return Object.values(state.generations).some(
    (g) => g.model?.builtIn === true && g.results.some((r) => r.image.url === media.src || r.clip?.url === media.src),
  )
}
