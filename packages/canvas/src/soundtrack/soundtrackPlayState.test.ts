import { describe, expect, it } from 'vitest'
import { mayTryToPlay, nextPlayState, soundtrackNotice } from './soundtrackPlayState'

const notAllowed = new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError')

describe('the soundtrack refused by the autoplay rules', () => {
  it('shows the prompt, and is not asked again on every frame', () => {
    const state = nextPlayState('free', { type: 'refused', error: notAllowed })
    expect(state).toBe('blocked')
    expect(soundtrackNotice(state, false)).toBe('blocked')
    expect(mayTryToPlay(state)).toBe(false)
  })

  it('is asked again at a gesture while the animatic plays, the prompt kept until the browser answers', () => {
    const state = nextPlayState('blocked', { type: 'gesture', wantsPlay: true })
    expect(state).toBe('retrying')
    expect(mayTryToPlay(state)).toBe(true)
    expect(soundtrackNotice(state, false)).toBe('blocked')
    expect(soundtrackNotice(nextPlayState(state, { type: 'played' }), false)).toBeNull()
    expect(nextPlayState(state, { type: 'refused', error: notAllowed })).toBe('blocked')
  })

  it('clears at a gesture while paused: the next play asks again', () => {
    const state = nextPlayState('blocked', { type: 'gesture', wantsPlay: false })
    expect(soundtrackNotice(state, false)).toBeNull()
    expect(mayTryToPlay(state)).toBe(true)
  })

  it('says nothing to whoever muted it themselves', () => {
    expect(soundtrackNotice(nextPlayState('free', { type: 'refused', error: notAllowed }), true)).toBeNull()
    expect(soundtrackNotice('failed', true)).toBeNull()
  })
})

describe('the soundtrack failing otherwise', () => {
  it('says it could not be loaded, when play is rejected for another reason or the file errs', () => {
    const notSupported = new DOMException('The element has no supported sources.', 'NotSupportedError')
    expect(soundtrackNotice(nextPlayState('free', { type: 'refused', error: notSupported }), false)).toBe('failed')
    expect(soundtrackNotice(nextPlayState('free', { type: 'loadFailed' }), false)).toBe('failed')
    expect(mayTryToPlay('failed')).toBe(false)
    expect(nextPlayState('failed', { type: 'gesture', wantsPlay: true })).toBe('failed')
  })

  it('says nothing when play was only interrupted by a pause or a seek', () => {
    const aborted = new DOMException('The play() request was interrupted by a call to pause().', 'AbortError')
    expect(nextPlayState('free', { type: 'refused', error: aborted })).toBe('free')
  })
})
