import type { SoundtrackNotice } from './soundtrackPlayState'

type SoundtrackNoticeViewProps = {
  notice: SoundtrackNotice
  /** Plays the soundtrack at the playhead (the click is the gesture the browser waited for). */
  onHear(): void
}

/**
 * Beside Mute in Present's controls: why the animatic is silent when the browser blocked its
 * soundtrack (autoplay rules: a follower or a client who has not used the page yet), with the
 * button that plays it, or that the file could not be loaded. A polite live region, always
 * there so that what appears in it is read out.
 */
export function SoundtrackNoticeView({ notice, onHear }: SoundtrackNoticeViewProps) {
  return (
    <span className="presentation-controls__sound-notice" role="status">
      {notice === 'blocked' && (
        <button type="button" className="presentation-button presentation-button--sound-blocked" onClick={onHear}>
          Sound blocked — click to hear
        </button>
      )}
      {notice === 'failed' && 'A sound could not be loaded'}
    </span>
  )
}
