import { useEffect, useRef } from 'react'
import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { soundtrackCommand } from './soundtrackSync'

type SoundtrackAudioProps = {
  soundtrack: BoardSoundtrack
  /** Where the file is loaded from (a review link's own asset route for a reviewer). */
  src: string
  /** The playhead, in seconds from the start of the animatic. */
  time: number
  playing: boolean
  muted: boolean
}

/**
 * The board's soundtrack under the animatic: an `<audio>` (no controls of its own) that follows
 * the playhead on every render — play, pause, steps, scrubs, Home/End, a presenter's playhead —
 * and is sought back when it drifts (soundtrackCommand).
 */
export function SoundtrackAudio({ soundtrack, src, time, playing, muted }: SoundtrackAudioProps) {
  const audio = useRef<HTMLAudioElement>(null)
  useEffect(() => {
    const element = audio.current
    if (!element) return
    element.muted = muted
    const command = soundtrackCommand(soundtrack, { time, playing }, element)
    if (command.seekTo !== null) element.currentTime = command.seekTo
    if (command.play && element.paused) {
      // Refused until the viewer has used the page (autoplay rules: a follower who only watches);
      // it starts at their first click or key, when the next render asks again.
      element.play().catch(() => {})
    } else if (!command.play && !element.paused) element.pause()
  })
  // Paused when Present closes, not left playing in the background while the element goes.
  useEffect(() => {
    const element = audio.current
    return () => element?.pause()
  }, [])
  return <audio ref={audio} className="presentation__soundtrack" src={src} preload="auto" data-soundtrack={soundtrack.src} />
}
