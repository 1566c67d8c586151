import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { TLStore } from 'tldraw'
import type { PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import { isTyping } from '../app/isTyping'
import { PresentationControls } from './PresentationControls'
import { PresentationGrid } from './PresentationGrid'
import { presentationKeyCommand, undoKeyCommand, type PresentationKeyCommand } from './presentationKeys'
import { PresentationStage } from './PresentationStage'
import { PresentationTitle } from './PresentationTitle'
import { playheadTime, shotIndexOf } from './playback'
import type { PresentationAudience, PresentationModel, PresentationShot } from './presentationShots'
import { shotIdFromUrl, useShotInUrl, useViewInUrl, viewFromUrl, type PresentationView } from './shotInUrl'
import { usePlayback } from './usePlayback'
import { shotTransitionAt } from './shotTransition'
import { useMediaQuery } from './useMediaQuery'
import { heldByPresenter, heldWhereFollowingEnds, onPresentersFrame, playheadToShare, whereFollowingEnds } from './presenterPlayhead'
import { mediaToPreload } from './preloadWindow'
import { usePreloadedMedia } from './usePreloadedMedia'
import { useSketchEditor } from './useSketchEditor'
import { useFullscreen } from './useFullscreen'
import { useSwipeStep } from './useSwipeStep'
import { usePresenting, type PresentingRoom } from './usePresenting'
import { PresentingControl } from './PresentingControl'
import { SoundtrackAudio } from '../soundtrack/SoundtrackAudio'
import { SoundtrackWaveform } from '../soundtrack/SoundtrackWaveform'
import { useSoundtrackAudio } from '../soundtrack/useSoundtrackAudio'
import { useBoardSoundtrack, useBoardSoundtrackDucking } from '../soundtrack/useBoardSoundtrack'
import { duckUnderShotSounds, gainAt } from '../soundtrack/duckEnvelope'
import { useSoundtrackMuted } from '../soundtrack/useSoundtrackMuted'
import { cuePlayhead, shotSoundCue } from './shotSoundCue'
import { useTapTiming, type TapTiming } from './useTapTiming'
import { duckWhileTiming, heldShotSound, type HeldShot } from './timingSounds'
import { TapTimingNotice } from './TapTimingNotice'
import { useBoardFrameGuides } from '../storyboard/guides/boardFrameGuides'
import { stageGuides } from './stageGuides'
import { useStageGuidesShown } from './useStageGuidesShown'
import { StageMarkupContext, useStageMarkupChannel } from '../review/markup/stageMarkup'
import '../styles/presentation.css'
import '../styles/presentation-details.css'

type PresentationProps = {
  /** The header's title; names set into it are isolated with <bdi> by the caller (PresentationTitle's tooltip isolates them too). */
  title: ReactNode
  model: PresentationModel
  /** The board's store: the sketches of shots without an image are drawn from it. */
  store: TLStore
  mediaUrl(src: string): string
  /** Esc (outside full screen) and the close button; absent for review links, which have nowhere to go back to. */
  onClose?(): void
  /** Beside the stage: the review panel for the shot on screen. */
  aside?(shot: PresentationShot | undefined): ReactNode
  /** Over each card's picture in the grid: e.g. the shot's open comments. */
  cardMarks?(shot: PresentationShot): ReactNode
  /** In the header, after the title: e.g. that the connection is down. */
  status?: ReactNode
  /** In the header, before Close: what else the audience may do with the board (e.g. print it). */
  actions?: ReactNode
  /** Who watches: a client (a review link) is not shown the team's internal statuses. */
  audience: PresentationAudience
  /** The board's room: present to everyone on it (the team), or follow who does (the team and review links). */
  room?: PresentingRoom
  /** Whether the viewer may change the board (an editor or owner): "Time to sound" retimes its shots. */
  canRetime?: boolean
}

const CONTROLS = 'button, a[href], summary'

/** Keys that leave where the animatic is alone (full screen, sound, guides, leaving): a follower stays on the presenter. */
const OWN_VIEW_COMMANDS: ReadonlySet<PresentationKeyCommand> = new Set(['fullscreen', 'mute', 'guides', 'close'])

/**
 * Space on a button or link reached from the keyboard presses it (Approve, Grid…) rather than
 * play or pause. Not on one the pointer pressed (`pointerPressed`): after a click on Approve or
 * Next, Space means play, as in every player; pressing the button again took the approval back,
 * or skipped a shot.
 */
function pressesFocusedControl(event: KeyboardEvent, pointerPressed: Element | null): boolean {
  if (event.key !== ' ' || !(event.target instanceof HTMLElement)) return false
  const control = event.target.closest(CONTROLS)
  return control !== null && control !== pointerPressed
}

/**
 * On a phone the picture and the review panel scroll as one page: another shot (Next, a swipe,
 * playback) is shown from the top, its picture in view, rather than from where the client had
 * scrolled down to comment on the last one. Not while they type (their name): the page stays put.
 */
function useTopOnNextShot(page: RefObject<HTMLElement | null>, shotId: string | undefined): void {
  const shown = useRef(shotId)
  useEffect(() => {
    if (shown.current === shotId) return
    shown.current = shotId
    if (!isTyping(document.activeElement)) page.current?.scrollTo({ top: 0 })
  }, [page, shotId])
}

/**
 * A key while "Time to sound" may take it: T starts, and during the recording → and Space cut (a
 * held key's repeats do not), Esc stops, M and F work as ever and the rest waits; Ctrl+Z undoes a
 * recording. Whether the key was used.
 */
function timingKey(timing: TapTiming | null, event: KeyboardEvent, command: PresentationKeyCommand | null, start: (now: number) => void): boolean {
  if (!timing) return false
  const undo = undoKeyCommand(event)
  if (undo) return undo === 'undo' ? timing.undo() : timing.redo()
  if (!timing.recording) {
    if (command === 'time') start(event.timeStamp / 1000)
    return command === 'time'
  }
  if (command === 'next' || command === 'play') {
    if (!event.repeat) timing.tap(event.timeStamp / 1000)
    return true
  }
  if (command === 'close') timing.stop()
  // Sound, full screen and the frame guides change only how it is seen: they stay at hand.
  return command !== 'mute' && command !== 'fullscreen' && command !== 'guides'
}

/** The board as an animatic (shot by shot, each for its duration) or as a grid of all shots. */
export function Presentation({ title, model, store, mediaUrl, onClose, aside, cardMarks, status, actions, audience, room, canRetime = false }: PresentationProps) {
  // Opens on the shot the URL names (a reload, a review reopened after a server restart).
  const [startShotId] = useState(shotIdFromUrl)
  const playback = usePlayback(model, startShotId)
  const sketchEditor = useSketchEditor(store)
  // The grid too survives a reload, as the shot does.
  const [view, setView] = useState<PresentationView>(viewFromUrl)
  const root = useRef<HTMLDivElement>(null)
  const index = shotIndexOf(model, playback.position)
  const shot = model.shots[index]
  const tapTiming = useTapTiming(store, model, playback)
  const ownHeld = tapTiming.held
  // The shot a presenter held (timing to sound) when they stopped presenting, this viewer left paused on it past its stored end.
  const [leftHeld, setLeftHeld] = useState<HeldShot | null>(null)
  const showPresenters = (screen: PresentingScreen) => {
    // A presenter who starts meanwhile does not take the playhead from under the taps.
    if (tapTiming.recording) return
    if (screen.shotId !== null && !onPresentersFrame(screen, shot?.id, playback.position.offset)) playback.showShot(screen.shotId, screen.offset)
    setView(screen.view)
    if (screen.playing) playback.play()
    else playback.pause()
  }
  const presenting = usePresenting(
    room,
    { shotId: shot?.id ?? null, view, playing: playback.playing, offset: playheadToShare(playback), ...(ownHeld ? { timing: { tapped: ownHeld.tapped } } : {}) },
    showPresenters,
    // Their presenter stopped: paused on the last shot, as the presentation ended for everyone.
    (last) => {
      showPresenters(whereFollowingEnds(last, shot?.id, playback.position.offset))
      setLeftHeld(heldWhereFollowingEnds(last))
    },
  )
  // Following a presenter who times to sound, the shot on screen plays on until their tap, as on
  // their screen, rather than cut at the duration the tap is about to replace.
  const followed = presenting.state.kind === 'following' ? presenting.state.presenter : null
  const keptByPresenter = followed?.timing !== undefined && followed.shotId !== null
  useEffect(() => {
    if (!tapTiming.recording) playback.keepOnShot(keptByPresenter)
  }, [tapTiming.recording, keptByPresenter, playback.keepOnShot])
  // Left on a held shot, it stays so until this viewer plays (by the board's timing), goes elsewhere or follows again.
  if (leftHeld && (playback.playing || followed !== null || leftHeld.shotId !== shot?.id)) setLeftHeld(null)
  // The shot held until a tap (this viewer's or the presenter's, or left so), whose sounds follow it (timingSounds.ts).
  const held = ownHeld ?? heldByPresenter(followed, shot?.id) ?? leftHeld
  // Held, the shot on screen plays on past its old duration until the tap: so do the clock and the soundtrack.
  const time = playheadTime(model, playback.position, held?.shotId ?? null)
  // The shot coming in from the one before, blended by the playhead — not when it was stepped to
  // (← →, a grid card: the shot itself; the first shot still fades in from black when played from
  // the start), nor paused on its very first frame, nor for a viewer who asked for reduced motion
  // (every change of shot a cut, and the camera moves still: PresentationStage).
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)')
  const { offset } = playback.position
  const shownAlone = (playback.cutIn && index > 0) || (!playback.playing && offset === 0)
  const transition = shownAlone ? null : shotTransitionAt(model.shots, index, offset, { reducedMotion })
  useShotInUrl(shot?.id)
  const soundtrack = useBoardSoundtrack(store)
  const [muted, setMuted] = useSoundtrackMuted()
  // Lowered (ducked) while a shot's own sound plays, gliding down and up around it (duckEnvelope.ts).
  const ducking = useBoardSoundtrackDucking(store)
  // Timing to sound, the shot on screen lasts until the tap: its sound, and the dips, follow that (timingSounds.ts).
  const duck = useMemo(() => (held ? duckWhileTiming(model.shots, held, ducking) : duckUnderShotSounds(model.shots, ducking, model.totalSeconds)), [model, ducking, held])
  const soundtrackAudio = useSoundtrackAudio(soundtrack && { ...soundtrack, volume: gainAt(duck, time) }, { time, playing: playback.playing }, muted)
  // The shot on screen's own sound, over the soundtrack: from its first frame, cut at its end, at its Volume.
  const shotSound = held ? heldShotSound(shot) : shotSoundCue(shot)
  const cued = shotSound && cuePlayhead(shotSound, { time, playing: playback.playing })
  const shotSoundAudio = useSoundtrackAudio(
    shotSound && cued && { src: shotSound.src, volume: shotSound.volume, ...cued.timing },
    cued?.playhead ?? { time, playing: playback.playing },
    muted,
  )
  const hasSound = soundtrack !== null || model.shots.some((s) => s.sound !== null)
  const boardGuides = useBoardFrameGuides(store)
  const [guidesShown, setGuidesShown] = useStageGuidesShown()
  const guides = stageGuides(boardGuides, guidesShown)
  // The next shots' pictures are downloaded while this one shows: each cut shows its picture at once.
  usePreloadedMedia(mediaToPreload(model, index), mediaUrl)
  useViewInUrl(view)
  // What the viewer does to the animatic themselves takes them off the presenter's screen.
  const own = <A extends unknown[]>(action: (...args: A) => void) => (...args: A) => {
    presenting.takeOver()
    action(...args)
  }

  // Editors and owners, on their own (not while following a presenter), with shots to time.
  const mayTime = canRetime && model.shots.length > 0
  const timing = mayTime && (tapTiming.recording || presenting.state.kind !== 'following') ? tapTiming : null
  // Made a viewer, or every shot deleted, meanwhile: the recording ends with what it has timed.
  const { recording, stop: stopTiming } = tapTiming
  useEffect(() => {
    if (!mayTime && recording) stopTiming()
  }, [mayTime, recording, stopTiming])
  const startTiming = (now: number) => {
    presenting.takeOver()
    setView('player')
    tapTiming.start(now)
  }
  const fullscreen = useFullscreen(root)
  // While taps time the shots, a swipe does not step them (a phone has no button for it; T on a keyboard).
  const swipe = useSwipeStep(
    own((delta: number) => {
      if (!tapTiming.recording) playback.step(delta)
    }),
  )
  const body = useRef<HTMLDivElement>(null)
  useTopOnNextShot(body, shot?.id)
  // Drawings on the picture: the comment panel draws on the stage, and shows a comment's drawing over it.
  const pauseToComment = own(() => {
    tapTiming.stop()
    playback.pause()
  })
  const stageMarkup = useStageMarkupChannel({ pause: pauseToComment, mediaUrl, sketchEditor })
  // The control the pointer last pressed, until the keyboard moves the focus (Tab): see pressesFocusedControl.
  const pointerPressed = useRef<Element | null>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') pointerPressed.current = null
      if (isTyping(event.target) || pressesFocusedControl(event, pointerPressed.current)) return
      const command = presentationKeyCommand(event)
      if (timingKey(timing, event, command, startTiming)) {
        event.preventDefault()
        return
      }
      const handled = (() => {
        switch (command) {
          case 'play':
            playback.togglePlaying()
            return true
          case 'next':
            playback.step(1)
            return true
          case 'previous':
            playback.step(-1)
            return true
          case 'home':
            playback.seekTo(0)
            return true
          case 'end':
            // The last frame, as in every player: playing stops there, and Space then starts over.
            playback.seekTo(model.totalSeconds)
            return true
          case 'grid':
            setView((v) => (v === 'grid' ? 'player' : 'grid'))
            return true
          case 'fullscreen':
            if (!fullscreen.available) return false
            fullscreen.toggle()
            return true
          case 'mute':
            if (!hasSound) return false
            setMuted(!muted)
            return true
          case 'guides':
            setGuidesShown(!guidesShown)
            return true
          case 'close':
            // The browser leaves full screen by itself on Esc; only outside it does Esc close.
            if (document.fullscreenElement) return false
            if (view === 'grid') setView('player')
            else onClose?.()
            return true
          default:
            return false
        }
      })()
      if (handled) event.preventDefault()
      if (handled && !(command && OWN_VIEW_COMMANDS.has(command))) presenting.takeOver()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  return (
    <div
      className="presentation"
      ref={root}
      data-view={view}
      onPointerDownCapture={(event) => {
        pointerPressed.current = event.target instanceof Element ? event.target.closest(CONTROLS) : null
      }}
    >
      <header className="presentation__header">
        <PresentationTitle>{title}</PresentationTitle>
        {status}
        {room && <PresentingControl presenting={presenting} />}
        {actions}
        {onClose && (
          <button type="button" className="presentation-button" onClick={onClose} title="Back to the board (Esc)">
            Close
          </button>
        )}
      </header>
      <div className="presentation__body" ref={body}>
        {/* On a phone a swipe across the picture turns to the next or previous shot. */}
        <main className="presentation__main" {...(view === 'player' ? swipe : {})}>
          {view === 'grid' ? (
            <PresentationGrid
              shots={model.shots}
              headed={model.hasScenes}
              currentShotId={shot?.id}
              mediaUrl={mediaUrl}
              sketchEditor={sketchEditor}
              audience={audience}
              guides={guides}
              cardMarks={cardMarks}
              onOpen={own((id: string) => {
                playback.showShot(id)
                setView('player')
              })}
            />
          ) : (
            <StageMarkupContext.Provider value={stageMarkup}>
              <PresentationStage
                shot={shot}
                offset={offset}
                playing={playback.playing}
                mediaUrl={mediaUrl}
                sketchEditor={sketchEditor}
                transition={transition}
                guides={guides}
                reducedMotion={reducedMotion}
              />
            </StageMarkupContext.Provider>
          )}
        </main>
        {aside && (
          // Writing a comment or a verdict pauses the animatic: what is said is about the shot on screen, which must not move on
          // meanwhile — not even with a presenter being followed (Follow takes the viewer back once they are done).
          // It ends a recording of Time to sound too (the shot on screen keeps its duration).
          <aside
            className="presentation__aside"
            onFocus={pauseToComment}
          >
            <StageMarkupContext.Provider value={stageMarkup}>{aside(shot)}</StageMarkupContext.Provider>
          </aside>
        )}
      </div>
      {timing && <TapTimingNotice timing={timing} hasSoundtrack={soundtrack !== null} />}
      {soundtrack && <SoundtrackAudio soundtrack={soundtrack} src={mediaUrl(soundtrack.src)} control={soundtrackAudio} />}
      {/* Always there, so a sound still playing when the next shot has none is paused, not cut off mid-load. */}
      {hasSound && (
        <audio
          ref={shotSoundAudio.audio}
          className="presentation__shot-sound"
          src={shotSound ? mediaUrl(shotSound.src) : undefined}
          preload="auto"
          data-shot-sound={shotSound ? shot?.id : undefined}
          onError={shotSound ? shotSoundAudio.loadFailed : undefined}
        />
      )}
      <PresentationControls
        model={model}
        time={time}
        currentIndex={index}
        playing={playback.playing}
        view={view}
        onTogglePlaying={own(playback.togglePlaying)}
        onStep={own(playback.step)}
        onSeek={own(playback.seekTo)}
        onScrub={own(playback.hold)}
        onView={own(setView)}
        fullscreen={fullscreen.available ? { active: fullscreen.active, toggle: fullscreen.toggle } : null}
        timing={timing && { recording: timing.recording, toggle: (now) => (timing.recording ? timing.stop() : startTiming(now)) }}
        // Hearing a blocked soundtrack is not looking around: not `own`, a follower stays on the presenter.
        sound={
          hasSound
            ? {
                muted,
                toggle: () => setMuted(!muted),
                notice: soundtrackAudio.notice ?? shotSoundAudio.notice,
                hear: () => {
                  soundtrackAudio.hear()
                  shotSoundAudio.hear()
                },
              }
            : null
        }
        guides={{ shown: guidesShown, board: boardGuides, toggle: () => setGuidesShown(!guidesShown) }}
        waveform={soundtrack && <SoundtrackWaveform soundtrack={soundtrack} src={mediaUrl(soundtrack.src)} seconds={model.totalSeconds} />}
      />
    </div>
  )
}
