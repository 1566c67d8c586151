/**
 * Whether the soundtrack may be asked to play, and what the viewer is told when it may not.
 * Browsers refuse sound that starts before the person has used the page (autoplay rules): a
 * follower of "Present to everyone", or a client on a review link, sees the animatic play and
 * would hear nothing without knowing why.
 *
 * - `free`: play is asked for whenever the playhead plays.
 * - `blocked`: refused by the autoplay rules; not asked again until a gesture (a click, a key).
 * - `retrying`: a gesture asked again; the prompt stays until the browser says yes or no.
 * - `failed`: the file could not be loaded or played; asking again would fail the same way.
 */
export type SoundtrackPlayState = 'free' | 'blocked' | 'retrying' | 'failed'

/** What happened to the soundtrack's audio. */
export type SoundtrackPlayEvent =
  | { readonly type: 'played' }
  /** `play()` was rejected with this error. */
  | { readonly type: 'refused'; readonly error: unknown }
  /** The person clicked or pressed a key; `wantsPlay`: the playhead is playing, so play is asked for at once. */
  | { readonly type: 'gesture'; readonly wantsPlay: boolean }
  /** The `<audio>` reported an error (the file is missing or not audio the browser can play). */
  | { readonly type: 'loadFailed' }

/** What the viewer is told about the soundtrack: nothing, that the browser blocked it, or that it failed. */
export type SoundtrackNotice = 'blocked' | 'failed' | null

function errorName(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : null
}

/** The state after an event (see {@link SoundtrackPlayState}). */
export function nextPlayState(state: SoundtrackPlayState, event: SoundtrackPlayEvent): SoundtrackPlayState {
  switch (event.type) {
    case 'played':
      return 'free'
    case 'loadFailed':
      return 'failed'
    case 'gesture':
      // Nothing to play now: the gesture gave the page its leave, and the next play will say whether it sufficed.
      if (state !== 'blocked') return state
      return event.wantsPlay ? 'retrying' : 'free'
    case 'refused': {
      const name = errorName(event.error)
      if (name === 'NotAllowedError') return 'blocked'
      // Interrupted by a pause or a seek (the animatic paused or moved): not a refusal, nothing to say.
      if (name === 'AbortError') return state
      return 'failed'
    }
  }
}

/** Whether play may be asked for when the playhead plays: not again after a refusal until a gesture. */
export function mayTryToPlay(state: SoundtrackPlayState): boolean {
  return state === 'free' || state === 'retrying'
}

/** What the viewer is told: nothing when they muted the soundtrack themselves (they chose silence). */
export function soundtrackNotice(state: SoundtrackPlayState, muted: boolean): SoundtrackNotice {
  if (muted) return null
  if (state === 'blocked' || state === 'retrying') return 'blocked'
  return state === 'failed' ? 'failed' : null
}
