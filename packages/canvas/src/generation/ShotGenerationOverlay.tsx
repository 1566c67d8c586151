import { useContext } from 'react'
import { useComputed, useEditor, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { BoardGenerationFeed } from './BoardGenerationFeed'
import { GenerationFeedContext } from './GenerationFeedContext'
import { generationStatusText, madeByBuiltInModel, WORKER_RESTARTING_TEXT, workerLostText } from './generationLabels'
import { useOpenGenerationForm } from './openGenerationForm'
import { offersRetry, retryFormRequest } from './retryRequest'
import { NO_ACTIVITY } from './shotGenerationActivity'
import { sameCancelOffer, shotCancelOffer } from './shotCancelOffer'
import { ShotCancelControls } from './ShotCancelControls'
import { ShotTakeChoices } from './ShotTakeChoices'
import { useUnshownTakes } from './useUnshownTakes'

/**
 * What a shot's frame shows about generations, on every collaborator's screen: the latest step
 * preview with a progress bar (and cancel, for whoever started it), the takes to choose from,
 * and a tag when the built-in model made the image. Renders nothing outside a board (exports).
 */
export function ShotGenerationOverlay({ shape }: { shape: TLShotShape }) {
  const feed = useContext(GenerationFeedContext)
  return feed ? <Overlay feed={feed} shape={shape} /> : null
}

function Overlay({ feed, shape }: { feed: BoardGenerationFeed; shape: TLShotShape }) {
  const editor = useEditor()
  // Only this shot's activity: a preview for another shot does not draw this frame again.
  const activity = useValue('shot generation activity', () => feed.shotActivity.get().get(shape.id) ?? NO_ACTIVITY, [feed, shape.id])
  const { active, preview, choices, failed } = activity
  // The viewer's own generations of the shot: the same offer keeps the frame from drawing again.
  const cancelOffer = useValue(
    useComputed('my generations of the shot', () => shotCancelOffer(activity.unfinished, active, feed.mine.get()), { isEqual: sameCancelOffer }, [feed, activity]),
  )
  const builtIn = useValue('built-in model', () => madeByBuiltInModel(shape.props.media, feed.models.get(), feed.state.get()), [feed, shape.props.media])
  const lostText = useValue('worker lost text', () => workerLostText(feed.models.get()), [feed])
  const selected = useValue('shot selected', () => editor.getSelectedShapeIds().includes(shape.id), [editor, shape.id])
  const readonly = useValue('board readonly', () => editor.getIsReadonly(), [editor])
  const openForm = useOpenGenerationForm()

  const showsPreview = preview && (!active || active.status === 'running')
  const restarting = active?.status === 'running' && activity.restartingAt !== null
  const workerLost = active?.status === 'running' && (activity.workerLostAt !== null || restarting)
  const dismissed = useValue('failure dismissed', () => (failed ? feed.dismissed.get().has(failed.id) : false), [feed, failed?.id])
  const showsFailure = failed !== null && !dismissed
  const showsChoices = choices && !active && selected && !showsFailure
  // Someone picked the shot's take while the run went: its takes joined the tree, unshown.
  const unshownTakes = useUnshownTakes(shape, activity)
  // Most shots show none of it: no empty layer then (every element of a shot in view is
  // restyled at each zoom step of the canvas).
  if (!showsPreview && !builtIn && !active && !showsFailure && !showsChoices && unshownTakes === 0) return null
  return (
    <div className="shot-generation" data-testid="shot-generation">
      {showsPreview && <img className="shot-generation__preview" src={preview.image} alt="" draggable={false} data-testid="shot-preview" />}
      {builtIn && !active && (
        <span className="shot-generation__badge" title="Made by Storyloom's small built-in model, not a real image model" data-testid="built-in-badge">
          Built-in model
        </span>
      )}
      {unshownTakes > 0 && (
        <span
          className="shot-generation__badge shot-generation__badge--new"
          title="The shot keeps the take someone picked while the run went; the new takes are in Versions"
          data-testid="unshown-takes-badge"
        >
          {`${unshownTakes} new take${unshownTakes === 1 ? '' : 's'} in Versions`}
        </span>
      )}
      {active && (
        <div className="shot-generation__status" data-status={active.status} data-worker-lost={workerLost || undefined} data-testid="shot-generation-status">
          <div className="shot-generation__line">
            <span className="shot-generation__text" role={workerLost ? 'status' : undefined}>
              {restarting ? WORKER_RESTARTING_TEXT : workerLost ? lostText : generationStatusText(active, active.status === 'running' ? preview : null)}
              {activity.pending > 1 ? ` · +${activity.pending - 1} waiting` : ''}
            </span>
            <bdi className="shot-generation__author">{active.requestedBy.name}</bdi>
            <ShotCancelControls feed={feed} offer={cancelOffer} active={active} />
          </div>
          <div
            className="shot-generation__bar"
            role="progressbar"
            aria-label="Generation progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(active.progress * 100)}
          >
            <div style={{ width: `${Math.round(active.progress * 100)}%` }} />
          </div>
        </div>
      )}
      {showsFailure && (
        <div className="shot-generation__failed" role="status" data-testid="shot-generation-failed">
          <span>{generationStatusText(failed)}</span>
          {/* Its own prompt and settings again: the form would otherwise start over from the shot's action. */}
          {!readonly && offersRetry(failed) && (
            <button type="button" className="shot-generation__retry" onPointerDown={(e) => e.stopPropagation()} onClick={() => openForm(retryFormRequest(failed))}>
              Retry…
            </button>
          )}
          <button type="button" aria-label="Dismiss" onPointerDown={(e) => e.stopPropagation()} onClick={() => feed.dismissFailure(failed.id)}>
            ×
          </button>
        </div>
      )}
      {/* The failure sits where the takes go: dismissing it shows them again. */}
      {showsChoices && <ShotTakeChoices shot={shape} generation={choices} />}
    </div>
  )
}
