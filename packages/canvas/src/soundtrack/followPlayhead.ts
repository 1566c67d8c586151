import { soundtrackCommand, type AudioClock, type SoundtrackTiming } from './soundtrackSync'
import type { SoundtrackPlayEvent } from './soundtrackPlayState'

/** What of an `HTMLAudioElement` following the playhead uses. */
export interface PlayableAudio extends AudioClock {
  currentTime: number
  play(): Promise<void>
  pause(): void
}

/**
 * Takes the audio to where the playhead is (soundtrackCommand), plays or pauses it with the
 * animatic, and reports how a play went (`report`). `mayPlay` false (refused until a gesture):
 * it is still sought and paused, so a later play starts at the right time, but play is not asked for.
 */
export function followPlayhead(
  audio: PlayableAudio,
  soundtrack: SoundtrackTiming,
  playhead: { readonly time: number; readonly playing: boolean },
  mayPlay: boolean,
  report: (event: SoundtrackPlayEvent) => void,
): void {
  const command = soundtrackCommand(soundtrack, playhead, audio)
  if (command.seekTo !== null) audio.currentTime = command.seekTo
  if (command.play && audio.paused) {
    if (mayPlay) audio.play().then(() => report({ type: 'played' }), (error: unknown) => report({ type: 'refused', error }))
  } else if (!command.play && !audio.paused) audio.pause()
}
