import { useCallback, useEffect, useRef, useState } from 'react'
import { advance, followEdit, frameClock, seek, stepShot, type Displacement, type PlaybackPosition, START } from './playback'
import type { PresentationModel } from './presentationShots'

export interface Playback {
  readonly position: PlaybackPosition
  /**
   * Where the playhead was last put (a seek, a step, a shot shown) or play started, on the shot on
   * screen (its start once play has moved on to another): while it plays, `position` runs on from here.
   */
  readonly cue: PlaybackPosition
  readonly playing: boolean
  /**
   * Whether the shot on screen was put there at its start (a step, a grid card, a seek to its
   * first frame), not played or scrubbed into: it shows as itself, without its transition in.
   */
  readonly cutIn: boolean
  togglePlaying(): void
  play(): void
  pause(): void
  seekTo(seconds: number): void
  step(delta: number): void
  /** Puts the playhead `offset` seconds into the shot (its start by default). */
  showShot(shotId: string, offset?: number): void
  /**
   * Holds the playhead where it is put while true (someone drags the timeline): it still plays,
   * but does not run on under the pointer; released, it plays on from where it was let go.
   */
  hold(held: boolean): void
  /**
   * Keeps the shot on screen while true ("Time to sound"): it plays on past its duration, never
   * into the next shot nor to the end, until the playhead is put elsewhere (showShot).
   */
  keepOnShot(kept: boolean): void
}

/**
 * Plays the animatic in real time (one requestAnimationFrame loop while playing). The model is
 * read through a ref, so edits made while it plays take effect at the next frame without
 * restarting playback. It starts paused at the start of `startShotId` (the first shot when
 * absent, or when the board has no such shot). When the shot on screen is deleted meanwhile, it
 * goes on from the shot that took its place (keepPlace), not from the first; and back to it when
 * the team undoes the delete before the viewer has moved on (followEdit).
 */
export function usePlayback(model: PresentationModel, startShotId: string | null = null): Playback {
  const [position, setPosition] = useState<PlaybackPosition>(() => (startShotId ? { shotId: startShotId, offset: 0 } : START))
  const [playing, setPlaying] = useState(false)
  // The model the position was last placed in. Adjusted during render (not in an effect), so a
  // deleted shot's neighbour is on screen in the same frame, with no flash of shot 1.
  const [placedIn, setPlacedIn] = useState(model)
  // Where a delete moved the viewer from, to go back there if the team undoes it before they move.
  const [displaced, setDisplaced] = useState<Displacement | null>(null)
  if (placedIn !== model) {
    setPlacedIn(model)
    const next = followEdit(placedIn, model, position, displaced)
    if (next.position !== position) setPosition(next.position)
    if (next.displaced !== displaced) setDisplaced(next.displaced)
  }
  // Counts the times the playhead was put somewhere (not moved on by play): each takes a new cue.
  const [puts, setPuts] = useState(0)
  const [cue, setCue] = useState({ puts, position, put: true })
  if (cue.puts !== puts) setCue({ puts, position, put: true })
  else if (cue.position.shotId !== position.shotId) setCue({ puts, position: { shotId: position.shotId, offset: 0 }, put: false })
  // Assigned after the state above: updates queued by the frame loop are worked out against the
  // model they were placed in, and only then moved off a deleted shot.
  const modelRef = useRef(model)
  modelRef.current = model
  const held = useRef(false)
  const kept = useRef(false)
  // Whether it is to play, as last asked: `playing` follows at the next render, but a frame already
  // scheduled must not move the playhead on after a pause — a follower paused on the presenter's
  // frame would otherwise end a frame past it.
  const intent = useRef(false)

  useEffect(() => {
    if (!playing) return
    const elapsed = frameClock(performance.now())
    let frame = requestAnimationFrame(function tick(now) {
      // Held, the time passes without moving the playhead: released, it plays on from there, no jump.
      const seconds = elapsed(now)
      const dt = held.current ? 0 : seconds
      setPosition((current) => {
        if (!intent.current) return current
        if (kept.current) return { shotId: current.shotId, offset: current.offset + dt }
        const next = advance(modelRef.current, current, dt)
        if (next.ended) {
          intent.current = false
          setPlaying(false)
        }
        return next.position
      })
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing])

  const put = useCallback(() => setPuts((n) => n + 1), [])
  const playOrPause = useCallback((play: boolean) => {
    const next = play && modelRef.current.shots.length > 0
    // Play at the end starts over, as every player does.
    if (next && !intent.current) setPosition((current) => (advance(modelRef.current, current, 0).ended ? seek(modelRef.current, 0) : current))
    intent.current = next
    setPlaying(next)
  }, [])
  const togglePlaying = useCallback(() => {
    playOrPause(!intent.current)
    put()
  }, [playOrPause, put])
  const play = useCallback(() => {
    playOrPause(true)
    put()
  }, [playOrPause, put])
  const pause = useCallback(() => playOrPause(false), [playOrPause])
  const seekTo = useCallback(
    (seconds: number) => {
      setPosition(seek(modelRef.current, seconds))
      put()
    },
    [put],
  )
  const step = useCallback(
    (delta: number) => {
      setPosition((current) => stepShot(modelRef.current, current, delta))
      put()
    },
    [put],
  )
  const showShot = useCallback(
    (shotId: string, offset = 0) => {
      setPosition({ shotId, offset })
      put()
    },
    [put],
  )
  const hold = useCallback((holding: boolean) => {
    held.current = holding
  }, [])
  const keepOnShot = useCallback((keeping: boolean) => {
    kept.current = keeping
  }, [])
  const cutIn = cue.put && cue.position.offset === 0 && cue.position.shotId === position.shotId
  return { position, cue: cue.position, playing, cutIn, togglePlaying, play, pause, seekTo, step, showShot, hold, keepOnShot }
}
