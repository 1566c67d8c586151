import { useCallback, useEffect, useRef, useState } from 'react'
import { advance, seek, stepShot, type PlaybackPosition, START } from './playback'
import type { PresentationModel } from './presentationShots'

export interface Playback {
  readonly position: PlaybackPosition
  readonly playing: boolean
  togglePlaying(): void
  pause(): void
  seekTo(seconds: number): void
  step(delta: number): void
  showShot(shotId: string): void
}

/**
 * Plays the animatic in real time (one requestAnimationFrame loop while playing). The model is
 * read through a ref, so edits made while it plays take effect at the next frame without
 * restarting playback. It starts paused at the start of `startShotId` (the first shot when
 * absent, or when the board has no such shot).
 */
export function usePlayback(model: PresentationModel, startShotId: string | null = null): Playback {
  const [position, setPosition] = useState<PlaybackPosition>(() => (startShotId ? { shotId: startShotId, offset: 0 } : START))
  const [playing, setPlaying] = useState(false)
  const modelRef = useRef(model)
  modelRef.current = model

  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const dt = (now - last) / 1000
      last = now
      setPosition((current) => {
        const next = advance(modelRef.current, current, dt)
        if (next.ended) setPlaying(false)
        return next.position
      })
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing])

  const togglePlaying = useCallback(() => {
    setPlaying((was) => {
      // Play at the end starts over, as every player does.
      if (!was) {
        setPosition((current) => (advance(modelRef.current, current, 0).ended ? seek(modelRef.current, 0) : current))
      }
      return !was && modelRef.current.shots.length > 0
    })
  }, [])
  const pause = useCallback(() => setPlaying(false), [])
  const seekTo = useCallback((seconds: number) => setPosition(seek(modelRef.current, seconds)), [])
  const step = useCallback((delta: number) => setPosition((current) => stepShot(modelRef.current, current, delta)), [])
  const showShot = useCallback((shotId: string) => setPosition({ shotId, offset: 0 }), [])
  return { position, playing, togglePlaying, pause, seekTo, step, showShot }
}
