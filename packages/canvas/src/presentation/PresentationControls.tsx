import type { ReactNode } from 'react'
import { formatClock } from './playback'
import type { PresentationModel } from './presentationShots'
import { shotTitleText } from '../storyboard/shotTitleText'
import { SoundtrackNoticeView } from '../soundtrack/SoundtrackNoticeView'
import type { SoundtrackNotice } from '../soundtrack/soundtrackPlayState'
import { FRAME_GUIDES, type FrameGuides } from '@storyloom/shared/storyboard/frameGuides'
import { entryOf } from '@storyloom/shared/storyboard/vocabulary'

type PresentationControlsProps = {
  model: PresentationModel
  time: number
  currentIndex: number
  playing: boolean
  view: 'player' | 'grid'
  onTogglePlaying(): void
  onStep(delta: number): void
  onSeek(seconds: number): void
  /** The pointer holds the timeline (true) or let go of it (false): the playhead stays under it meanwhile. */
  onScrub(held: boolean): void
  onView(view: 'player' | 'grid'): void
  /** Null where the browser has no full screen (an iPhone): no button then. */
  fullscreen: { active: boolean; toggle(): void } | null
  /**
   * The soundtrack's mute toggle, and what its viewer is told (blocked by the browser: `hear` plays
   * it); null when the board has no soundtrack and no shot has a sound.
   */
  sound: { muted: boolean; toggle(): void; notice: SoundtrackNotice; hear(): void } | null
  /**
   * "Time to sound" (editors and owners, not while following a presenter): starts or stops a
   * recording at `now` (seconds on the page's clock); while one is under way, taps time the shots, and the other controls wait. Null: no button.
   */
  timing: { recording: boolean; toggle(now: number): void } | null
  /** This viewer's frame guides over the picture (see stageGuides), and the board's choice of them. */
  guides: { shown: boolean; board: FrameGuides; toggle(): void }
  /** Behind the timeline's segments: the soundtrack's waveform (SoundtrackWaveform), when the board has one. */
  waveform?: ReactNode
}

/** What the Guides button does, naming the guides it draws. */
function guidesTitle({ shown, board }: PresentationControlsProps['guides']): string {
  if (shown) return 'Hide the frame guides on this device (O)'
  if (board === 'none') return 'Show thirds and safe areas over the picture on this device (O)'
  return `Show the board’s frame guides (${entryOf(FRAME_GUIDES, board).label}) over the picture on this device (O)`
}

/** Play/pause, previous/next, the timeline (one segment per shot, scrubbable), mute, frame guides, the grid and full screen. */
export function PresentationControls(props: PresentationControlsProps) {
  const { model, time, currentIndex, playing, view } = props
  const total = model.totalSeconds
  // While taps time the shots, the playhead is theirs: stepping or scrubbing would cut nothing.
  const recording = props.timing?.recording ?? false
  return (
    // A named region (a landmark), as the header and the picture (main) are: screen readers list landmarks to move between them.
    <section className="presentation-controls" aria-label="Playback">
      <button type="button" className="presentation-button" onClick={() => props.onStep(-1)} disabled={recording} title="Previous shot (←)" aria-label="Previous shot">
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M2 2h2v10H2zM12 2v10L5 7z" fill="currentColor" />
        </svg>
      </button>
      <button
        type="button"
        className="presentation-button presentation-button--play"
        onClick={props.onTogglePlaying}
        disabled={recording}
        title={playing ? 'Pause (space)' : 'Play (space)'}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <button type="button" className="presentation-button" onClick={() => props.onStep(1)} disabled={recording} title="Next shot (→)" aria-label="Next shot">
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M10 2h2v10h-2zM2 2v10l7-5z" fill="currentColor" />
        </svg>
      </button>
      {/* A timer, so its name is allowed (ARIA forbids naming a plain span); a timer is not read out as it ticks. */}
      <span className="presentation-controls__clock" role="timer" aria-label="Time">
        {formatClock(time)} / {formatClock(total)}
      </span>
      <div className="presentation-timeline">
        {props.waveform}
        <div className="presentation-timeline__segments" aria-hidden>
          {model.shots.map((shot, index) => (
            <div
              key={shot.id}
              className={`presentation-timeline__segment${index === currentIndex ? ' presentation-timeline__segment--current' : ''}`}
              style={{ flexGrow: shot.seconds }}
              title={`${shot.number} ${shotTitleText(shot.title)}`}
            />
          ))}
        </div>
        <input
          className="presentation-timeline__scrubber"
          type="range"
          min={0}
          max={total || 0}
          step={0.01}
          value={Math.min(time, total)}
          aria-label="Timeline"
          disabled={recording}
          onChange={(event) => props.onSeek(Number(event.currentTarget.value))}
          onPointerDown={() => {
            props.onScrub(true)
            // Let go anywhere: a drag often ends off the thin timeline, or outside the window.
            const release = () => {
              props.onScrub(false)
              window.removeEventListener('pointerup', release)
              window.removeEventListener('pointercancel', release)
            }
            window.addEventListener('pointerup', release)
            window.addEventListener('pointercancel', release)
          }}
        />
      </div>
      <span className="presentation-controls__shot">
        {/* The stage says the board has no shots; "Shot 1 of 0" would count one that is not there. */}
        {model.shots.length === 0 ? 'No shots yet' : `Shot ${currentIndex + 1} of ${model.shots.length}`}
      </span>
      {props.sound && (
        <button
          type="button"
          className="presentation-button presentation-button--mute"
          onClick={props.sound.toggle}
          aria-pressed={props.sound.muted}
          title={props.sound.muted ? 'Sound muted on this device: click to hear it (M)' : 'Mute the soundtrack and shot sounds on this device (M)'}
        >
          <svg className="presentation-button__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" />
            <path d={props.sound.muted ? 'M11 6l4 4M15 6l-4 4' : 'M11 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6 6 0 0 1 0 9'} fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span className="presentation-button__label">Mute</span>
        </button>
      )}
      {props.sound && <SoundtrackNoticeView notice={props.sound.notice} onHear={props.sound.hear} />}
      {props.timing && (
        <button
          type="button"
          // Its name says what it does now (not a pressed toggle): Time to sound, then Stop timing.
          className={`presentation-button presentation-button--time${recording ? ' presentation-button--recording' : ''}`}
          onClick={(event) => props.timing?.toggle(event.timeStamp / 1000)}
          title={
            recording
              ? 'Stop timing: the shot on screen keeps its duration (Esc)'
              : 'Time the shots to the soundtrack (or a rhythm): plays from here, tap → or Space at each cut (T)'
          }
        >
          {recording ? 'Stop timing' : 'Time to sound'}
        </button>
      )}
      <button
        type="button"
        className="presentation-button presentation-button--guides"
        onClick={props.guides.toggle}
        aria-pressed={props.guides.shown}
        title={guidesTitle(props.guides)}
      >
        Guides
      </button>
      <button
        type="button"
        className="presentation-button"
        disabled={recording}
        onClick={() => props.onView(view === 'grid' ? 'player' : 'grid')}
        aria-pressed={view === 'grid'}
        title="Grid of all shots (G)"
      >
        {view === 'grid' ? 'Player' : 'Grid'}
      </button>
      {props.fullscreen && (
        <button
          type="button"
          className="presentation-button"
          onClick={props.fullscreen.toggle}
          title={props.fullscreen.active ? 'Exit full screen (F or Esc)' : 'Full screen (F)'}
        >
          {/* On a phone the icon alone: the controls fit in two rows there. */}
          <svg className="presentation-button__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path
              d={props.fullscreen.active ? 'M6 1v5H1M10 1v5h5M6 15v-5H1M10 15v-5h5' : 'M1 6V1h5M15 6V1h-5M1 10v5h5M15 10v5h-5'}
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
          </svg>
          <span className="presentation-button__label">{props.fullscreen.active ? 'Exit full screen' : 'Full screen'}</span>
        </button>
      )}
    </section>
  )
}
