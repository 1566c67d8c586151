import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { HistoryManager, type TLRecord, type TLShapeId, type TLStore } from 'tldraw'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { Playback } from './usePlayback'
import type { PresentationModel } from './presentationShots'
import { shotStartedAt, startTapRecording, tapCut, tapSummary, type TapRecording, type TimedShot } from './tapTiming'
import type { HeldShot } from './timingSounds'

/** "Time to sound" in Present: a recording of taps at the cuts, written to the board as it goes. */
export interface TapTiming {
  /** Whether a recording is under way. */
  readonly recording: boolean
  /** The shot the recording holds on screen until the tap (its sounds follow it: timingSounds.ts); null when none is under way. */
  readonly held: HeldShot | null
  /** What the last recording did ("Timed 3 shots · 0:07.2"), until dismissed or undone; null: nothing to say. */
  readonly summary: string | null
  /** Starts recording from the playhead, at `now` (seconds on the page's clock). */
  start(now: number): void
  /** Ends the shot on screen at `now` and brings on the next one (the last shot's tap ends the recording). */
  tap(now: number): void
  /** Ends the recording; the shot on screen keeps the duration it had. */
  stop(): void
  /** Undoes the last recording, all its shots in one step; false when there is nothing to undo. */
  undo(): boolean
  /** Redoes what undo took back; false when there is nothing to redo. */
  redo(): boolean
  dismiss(): void
}

/** Marks an undo stopping point, as the editor's `markHistoryStoppingPoint` does (tldraw-internal). */
function markStoppingPoint(history: HistoryManager<TLRecord>, id: string): void {
  ;(history as unknown as { _mark(id: string): void })._mark(id)
}

/**
 * Times the animatic by taps (tapTiming.ts). Each tap writes the timed shot's duration to the
 * board at once, so everyone sees it live; meanwhile the shot on screen plays on until the tap,
 * not its old duration (keepOnShot). Present has no canvas, so no editor and no undo of its own:
 * this keeps tldraw's history over the board's store, with a stopping point at each recording's
 * start, so that undo takes a whole recording back in one step (and, as on the canvas, only what
 * it changed: undoOwnChangesOnly).
 */
export function useTapTiming(store: TLStore, model: PresentationModel, playback: Playback): TapTiming {
  const [recording, setRecording] = useState<TapRecording | null>(null)
  const [summary, setSummary] = useState<string | null>(null)
  // Read by taps that come faster than renders (a key repeat, a double tap): each sees the last cut.
  const current = useRef<TapRecording | null>(null)
  const latest = useRef({ model, playback })
  latest.current = { model, playback }
  const history = useRef<HistoryManager<TLRecord> | null>(null)
  useEffect(() => {
    const manager = new HistoryManager<TLRecord>({ store })
    history.current = manager
    return () => {
      manager.dispose()
      history.current = null
    }
  }, [store])

  const write = useCallback(
    ({ shotId, seconds }: TimedShot) => {
      const shot = store.get(shotId as TLShapeId) as TLShotShape | undefined
      if (shot && shot.props.duration !== seconds) store.put([{ ...shot, props: { ...shot.props, duration: seconds } }])
    },
    [store],
  )
  const set = useCallback((next: TapRecording | null) => {
    current.current = next
    setRecording(next)
  }, [])
  const finish = useCallback(
    (timed: readonly TimedShot[]) => {
      set(null)
      latest.current.playback.keepOnShot(false)
      latest.current.playback.pause()
      setSummary(timed.length > 0 ? tapSummary(timed) : null)
    },
    [set],
  )

  const start = useCallback(
    (now: number) => {
      const { model, playback } = latest.current
      const shot = model.shots.find((s) => s.id === playback.position.shotId) ?? model.shots[0]
      if (current.current || !shot || !history.current) return
      // From the playhead; at the very end (nothing left to play), from the last shot's start.
      const last = shot === model.shots.at(-1) && playback.position.offset >= shot.seconds
      const offset = last ? 0 : Math.min(Math.max(playback.position.offset, 0), shot.seconds)
      const fps = (store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()).fps
      markStoppingPoint(history.current, 'time to sound')
      set(startTapRecording(shot.id, offset, now, fps))
      setSummary(null)
      playback.showShot(shot.id, offset)
      playback.keepOnShot(true)
      playback.play()
    },
    [store, set],
  )

  const tap = useCallback(
    (now: number) => {
      const recording = current.current
      if (!recording) return
      const { model, playback } = latest.current
      const index = model.shots.findIndex((s) => s.id === recording.shotId)
      // Someone deleted the shot on screen meanwhile: there is nothing left to time.
      if (index === -1) return finish(recording.timed)
      const cut = tapCut(recording, model.shots[index + 1]?.id ?? null, now)
      if (!cut) return
      write(cut.recording.timed.at(-1)!)
      if (cut.done) {
        finish(cut.recording.timed)
        playback.showShot(recording.shotId, cut.recording.timed.at(-1)!.seconds)
        return
      }
      set(cut.recording)
      playback.showShot(cut.recording.shotId, Math.max(now - shotStartedAt(cut.recording), 0))
    },
    [finish, set, write],
  )

  const stop = useCallback(() => {
    const recording = current.current
    if (!recording) return
    const { model, playback } = latest.current
    finish(recording.timed)
    // The shot on screen keeps its duration: the playhead goes back within it if it had played past its end.
    const shot = model.shots.find((s) => s.id === recording.shotId)
    if (shot) playback.showShot(shot.id, Math.min(playback.position.offset, shot.seconds))
  }, [finish])

  const undo = useCallback(() => {
    const manager = history.current
    if (current.current || !manager || manager.getNumUndos() === 0) return false
    manager.undo()
    setSummary(null)
    return true
  }, [])
  const redo = useCallback(() => {
    const manager = history.current
    if (current.current || !manager || manager.getNumRedos() === 0) return false
    manager.redo()
    return true
  }, [])

  const held = useMemo(() => recording && { shotId: recording.shotId, tapped: recording.cutFrame > 0 }, [recording])
  return { recording: recording !== null, held, summary, start, tap, stop, undo, redo, dismiss: useCallback(() => setSummary(null), []) }
}
