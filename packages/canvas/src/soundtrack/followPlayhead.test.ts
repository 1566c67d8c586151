import { describe, expect, it } from 'vitest'
import { followPlayhead, type PlayableAudio } from './followPlayhead'
import { nextPlayState, soundtrackNotice, type SoundtrackPlayEvent, type SoundtrackPlayState } from './soundtrackPlayState'

/** An `<audio>` whose play() is refused by the autoplay rules `refusals` times, then plays. */
function fakeAudio(refusals: number): PlayableAudio & { plays: number } {
  const audio: Omit<PlayableAudio, 'paused'> & { paused: boolean; plays: number } = {
    currentTime: 0,
    paused: true,
    seeking: false,
    plays: 0,
    play() {
      this.plays += 1
      if (refusals-- > 0) return Promise.reject(new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError'))
      this.paused = false
      return Promise.resolve()
    },
    pause() {
      this.paused = true
    },
  }
  return audio
}

const track = { duration: 20, startAt: 0 }

describe('followPlayhead', () => {
  it('reports a refusal by the autoplay rules, which shows the prompt; a gesture plays it at the playhead', async () => {
    const audio = fakeAudio(1)
    let state: SoundtrackPlayState = 'free'
    const events: SoundtrackPlayEvent[] = []
    const report = (event: SoundtrackPlayEvent) => {
      events.push(event)
      state = nextPlayState(state, event)
    }
    followPlayhead(audio, track, { time: 2, playing: true }, true, report)
    await expect.poll(() => state).toBe('blocked')
    expect(soundtrackNotice(state, false)).toBe('blocked')

    // The animatic plays on (a presenter's playhead): the audio is not asked again, but keeps its place.
    followPlayhead(audio, track, { time: 4, playing: true }, false, report)
    expect(audio.plays).toBe(1)
    expect(audio.currentTime).toBe(4)

    state = nextPlayState(state, { type: 'gesture', wantsPlay: true })
    followPlayhead(audio, track, { time: 4.5, playing: true }, true, report)
    await expect.poll(() => state).toBe('free')
    expect(audio).toMatchObject({ paused: false, currentTime: 4.5, plays: 2 })
    expect(soundtrackNotice(state, false)).toBeNull()
  })
})
