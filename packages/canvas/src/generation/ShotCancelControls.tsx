import { useCallback, useState } from 'react'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { ApiError } from '../api/apiClient'
import type { BoardGenerationFeed } from './BoardGenerationFeed'
import type { ShotCancelOffer } from './shotCancelOffer'

type Asking = 'current' | 'all'

/**
 * Cancel in a shot's frame, for whoever started its generations. One of theirs: Cancel stops it
 * at once, as before. Several (running and waiting): Cancel stops the active one and
 * "Cancel all N" every one of theirs for the shot, each after an in-place question, so no one
 * cancels the runs that would otherwise start one after another by a stray click, or thinks
 * Cancel did not work when the next one starts.
 */
export function ShotCancelControls({ feed, offer, active }: { feed: BoardGenerationFeed; offer: ShotCancelOffer; active: GenerationView }) {
  const [asking, setAsking] = useState<Asking | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The question's answer takes focus once, as the app's other confirmations do (not at each redraw a step causes).
  const focusAnswer = useCallback((el: HTMLButtonElement | null) => el?.focus({ preventScroll: true }), [])
  const count = offer.all.length
  if (count === 0) return null

  const cancel = async (ids: readonly string[]) => {
    setBusy(true)
    setError(null)
    // One after another, waiting ones first (see shotCancelOffer); one already finished is not an error.
    let failure: string | null = null
    for (const id of ids) {
      try {
        await feed.cancel(id)
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409)) failure ??= e instanceof Error ? e.message : String(e)
      }
    }
    setBusy(false)
    setAsking(null)
    setError(failure)
  }
  const stop = { onPointerDown: (e: React.PointerEvent) => e.stopPropagation() }

  if (asking) {
    const others = count - 1
    const question =
      asking === 'all'
        ? `Cancel all ${count} of your generations for this shot? Takes already made are kept.`
        : `Cancel ${active.status === 'running' ? 'the running one' : 'the next one'}? Your ${others} other${others === 1 ? '' : 's'} for this shot will still run.`
    return (
      <div className="shot-generation__confirm" role="alertdialog" aria-label={asking === 'all' ? 'Cancel all your generations for this shot' : 'Cancel this generation'}>
        <span>{question}</span>
        <button
          type="button"
          className="shot-generation__cancel shot-generation__cancel--confirm"
          disabled={busy}
          ref={focusAnswer}
          {...stop}
          onClick={() => void cancel(asking === 'all' ? offer.all : offer.current ? [offer.current] : [])}
        >
          {busy ? 'Canceling…' : asking === 'all' ? `Cancel all ${count}` : 'Cancel it'}
        </button>
        <button type="button" className="shot-generation__cancel" disabled={busy} {...stop} onClick={() => setAsking(null)}>
          Keep
        </button>
      </div>
    )
  }

  return (
    <>
      {count === 1 ? (
        <button type="button" className="shot-generation__cancel" disabled={busy} {...stop} onClick={() => void cancel(offer.all)}>
          {busy ? 'Canceling…' : offer.current ? 'Cancel' : 'Cancel mine'}
        </button>
      ) : (
        <>
          {offer.current && (
            <button type="button" className="shot-generation__cancel" {...stop} onClick={() => setAsking('current')}>
              Cancel
            </button>
          )}
          <button type="button" className="shot-generation__cancel" {...stop} onClick={() => setAsking('all')}>
            {`Cancel all ${count}`}
          </button>
        </>
      )}
      {error && <span className="shot-generation__error">{error}</span>}
    </>
  )
}
