import { undoKeys } from '../board/undoKeys'
import type { TapTiming } from './useTapTiming'

/**
 * Over Present's controls while "Time to sound" records (what to press, plainly: the editor's
 * eyes are on the picture), then what the recording did, with Undo.
 */
export function TapTimingNotice({ timing, hasSoundtrack }: { timing: TapTiming; hasSoundtrack: boolean }) {
  if (timing.recording) {
    return (
      <div className="tap-timing tap-timing--recording" role="status">
        <span className="tap-timing__dot" aria-hidden="true" />
        <strong>Timing to sound</strong>
        <span>Tap → or Space at each cut · Esc to stop</span>
        {/* Without a soundtrack it times to whatever rhythm the editor taps. */}
        {!hasSoundtrack && <span className="tap-timing__hint">No soundtrack: tap to your own rhythm</span>}
      </div>
    )
  }
  if (!timing.summary) return null
  return (
    <div className="tap-timing" role="status">
      <span>{timing.summary}</span>
      <button type="button" className="presentation-button" onClick={timing.undo} title={`Undo this timing (${undoKeys().undo})`}>
        Undo
      </button>
      <button type="button" className="presentation-button" onClick={timing.dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  )
}
