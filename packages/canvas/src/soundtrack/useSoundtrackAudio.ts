import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { followPlayhead } from './followPlayhead'
import { soundtrackCommand, type SoundtrackTiming } from './soundtrackSync'
import { mayTryToPlay, nextPlayState, soundtrackNotice, type SoundtrackNotice, type SoundtrackPlayEvent, type SoundtrackPlayState } from './soundtrackPlayState'

/** The soundtrack's `<audio>` as Present drives it, and what its viewer is told about it. */
export interface SoundtrackAudioControl {
  readonly audio: RefObject<HTMLAudioElement | null>
  /** The browser blocked the sound, or the file failed; null: nothing to say (or muted by choice). */
  readonly notice: SoundtrackNotice
  /** A gesture of the viewer's (the prompt's click): play now, at the playhead, if the animatic plays. */
  hear(): void
  /** The `<audio>` reported an error. */
  loadFailed(): void
}

/**
 * What the audio plays: a file (its URL, which identifies it), how it sits on the playhead's
 * timeline, and how loud (0 to 1, playbackVolume; full when not given, as the soundtrack plays).
 */
export type FollowedAudio = SoundtrackTiming & { readonly src: string; readonly volume?: number }

/**
 * Keeps the soundtrack's audio (or a shot's sound, cuePlayhead) on the playhead on every render (followPlayhead), and, when the
 * browser refuses to play it (autoplay rules), stops asking until the viewer clicks or presses a
 * key anywhere on the page — then asks again at once, inside that gesture. Nothing here moves the
 * playhead: hearing the sound does not take a follower off the presenter.
 */
export function useSoundtrackAudio(
  soundtrack: FollowedAudio | null,
  playhead: { readonly time: number; readonly playing: boolean },
  muted: boolean,
): SoundtrackAudioControl {
  const audio = useRef<HTMLAudioElement>(null)
  const [state, setState] = useState<SoundtrackPlayState>('free')
  const report = useCallback((event: SoundtrackPlayEvent) => setState((current) => nextPlayState(current, event)), [])
  // Another file starts afresh: its predecessor's failure says nothing about it.
  useEffect(() => setState('free'), [soundtrack?.src])
  const latest = useRef({ soundtrack, playhead, mayPlay: mayTryToPlay(state) })
  latest.current = { soundtrack, playhead, mayPlay: mayTryToPlay(state) }

  useEffect(() => {
    const element = audio.current
    if (!element) return
    // Nothing to hear now (a shot without a sound): one still playing stops.
    if (!soundtrack) {
      if (!element.paused) element.pause()
      return
    }
    element.muted = muted
    element.volume = soundtrack.volume ?? 1
    followPlayhead(element, soundtrack, playhead, mayTryToPlay(state), report)
  })
  // A move of the playhead while the audio is still seeking is not followed (seeking again would
  // restart the seek): once the seek is done, the audio follows the playhead as it is by then.
  // Paused, nothing renders again on its own, so a step right after Home left the audio at 0.
  const soundtrackSrc = soundtrack?.src
  useEffect(() => {
    const element = audio.current
    if (!element || !soundtrackSrc) return
    const onSeeked = () => {
      const { soundtrack, playhead, mayPlay } = latest.current
      if (soundtrack) followPlayhead(element, soundtrack, playhead, mayPlay, report)
    }
    element.addEventListener('seeked', onSeeked)
    return () => element.removeEventListener('seeked', onSeeked)
  }, [soundtrackSrc, report])
  // Paused when Present closes, not left playing in the background while the element goes.
  useEffect(() => {
    const element = audio.current
    return () => element?.pause()
  }, [])

  const hear = useCallback(() => {
    const element = audio.current
    const { soundtrack, playhead } = latest.current
    if (!element || !soundtrack) return
    report({ type: 'gesture', wantsPlay: soundtrackCommand(soundtrack, playhead, element).play })
    followPlayhead(element, soundtrack, playhead, true, report)
  }, [report])

  // Any click or key on the page may be what lets the browser play: ask again then.
  const blocked = state === 'blocked'
  useEffect(() => {
    if (!blocked) return
    window.addEventListener('click', hear, true)
    window.addEventListener('keydown', hear, true)
    return () => {
      window.removeEventListener('click', hear, true)
      window.removeEventListener('keydown', hear, true)
    }
  }, [blocked, hear])

  return { audio, notice: soundtrackNotice(state, muted), hear, loadFailed: useCallback(() => report({ type: 'loadFailed' }), [report]) }
}
