import { useState } from 'react'
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { shotNumbersOf } from '../storyboard/shotNumbers'
import { isFinished, type LivePreview } from './boardGenerationsState'
import type { BoardGenerationFeed } from './BoardGenerationFeed'
import { generationStatusText, WORKER_RESTARTING_TEXT, workerLostText } from './generationLabels'
import { useOpenGenerationForm } from './openGenerationForm'
import { offersRetry, retryFormRequest } from './retryRequest'
import { cameraShowingBeside } from './shotBesidePanel'

/** One generation in the queue panel: shot, who started it, where it stands; cancel for its author. */
export function GenerationQueueRow({
  feed,
  generation,
  preview,
  mine,
  workerLost = false,
  restarting = false,
}: {
  feed: BoardGenerationFeed
  generation: GenerationView
  preview: LivePreview | null
  mine: boolean
  /** The server reported its worker lost; it waits for another. */
  workerLost?: boolean
  /** Its worker is starting its inference process again (it died mid-run). */
  restarting?: boolean
}) {
  const editor = useEditor()
  const shotId = generation.shotId as TLShapeId
  const number = useValue('shot number', () => shotNumbersOf(editor).get().get(shotId) ?? '', [editor, shotId])
  const exists = useValue('shot exists', () => editor.getShape(shotId) !== undefined, [editor, shotId])
  const lostText = useValue('worker lost text', () => workerLostText(feed.models.get()), [feed])
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  const openForm = useOpenGenerationForm()
  const [error, setError] = useState<string | null>(null)
  const [canceling, setCanceling] = useState(false)
  const thumb = preview?.image ?? generation.results[0]?.image.url
  const finished = isFinished(generation)
  return (
    <li className="generation-queue__row" data-status={generation.status} data-testid="queue-row">
      <span className="generation-queue__thumb">{thumb ? <img src={thumb} alt="" /> : number || '–'}</span>
      <div className="generation-queue__body">
        <button
          type="button"
          className="generation-queue__shot"
          disabled={!exists}
          title={exists ? 'Show this shot' : 'This shot was deleted'}
          onClick={(event) => {
            editor.select(shotId)
            const queue = event.currentTarget.closest('.generation-queue__panel')
            // Once the selection's inspector is in the page: the shot goes between it and the queue.
            requestAnimationFrame(() => showShotBeside(editor, shotId, queue))
          }}
        >
          {number ? `Shot ${number}` : 'Shot'}
          <span className="generation-queue__prompt">{generation.params.prompt}</span>
        </button>
        <span className="generation-queue__meta">
          <span className="generation-queue__status">
            {generation.status === 'running' && restarting ? WORKER_RESTARTING_TEXT : workerLost && generation.status === 'running' ? lostText : generationStatusText(generation, generation.status === 'running' ? preview : null)}
          </span>
          {' · '}
          <span data-testid="queue-author"><bdi>{generation.requestedBy.name}</bdi>{mine ? ' (you)' : ''}</span>
          {generation.model?.builtIn ? ' · built-in model' : ''}
        </span>
        {!finished && (
          <div className="generation-queue__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(generation.progress * 100)}>
            <div style={{ width: `${Math.round(generation.progress * 100)}%` }} />
          </div>
        )}
        {error && <span className="generation-queue__error">{error}</span>}
      </div>
      {offersRetry(generation) && exists && !readonly && (
        <button type="button" className="panel-button generation-queue__cancel" onClick={() => openForm(retryFormRequest(generation))}>
          Retry…
        </button>
      )}
      {mine && !finished && (
        <button
          type="button"
          className="panel-button generation-queue__cancel"
          disabled={canceling}
          onClick={() => {
            setCanceling(true)
            setError(null)
            feed.cancel(generation.id).catch((e: unknown) => {
              setCanceling(false)
              setError(e instanceof Error ? e.message : String(e))
            })
          }}
        >
          {canceling ? 'Canceling…' : 'Cancel'}
        </button>
      )}
    </li>
  )
}

/** Moves the camera to show the shot between the open queue and the inspector on the right (else zooms to it as anywhere). */
function showShotBeside(editor: Editor, shotId: TLShapeId, queue: Element | null) {
  const bounds = editor.getShapePageBounds(shotId)
  if (!bounds || !queue) return editor.zoomToSelection({ animation: { duration: 200 } })
  const viewport = editor.getViewportScreenBounds()
  const inspector = editor.getContainer().querySelector('.shot-inspector')?.getBoundingClientRect()
  const free = {
    left: queue.getBoundingClientRect().right - viewport.x,
    right: (inspector && inspector.width > 0 ? inspector.left : viewport.maxX) - viewport.x,
  }
  const camera = cameraShowingBeside({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }, { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h }, free)
  editor.setCamera(camera, { animation: { duration: 200 } })
}
