// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { useSoundtrackAudio } from './useSoundtrackAudio'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const soundtrack: BoardSoundtrack = { src: '/api/boards/b/assets/a', mimeType: 'audio/wav', name: 'vo.wav', duration: 8, startAt: 0 }

/** An <audio> as the browser drives it, with its seeking state in the test's hands. */
function fakeAudio(audio: HTMLAudioElement) {
  const state = { currentTime: 0, seeking: false }
  Object.defineProperties(audio, {
    currentTime: { get: () => state.currentTime, set: (t: number) => void (state.currentTime = t) },
    seeking: { get: () => state.seeking },
    paused: { get: () => true },
    pause: { value: () => {} },
    play: { value: () => Promise.resolve() },
  })
  return state
}

function Player({ time }: { time: number }) {
  const control = useSoundtrackAudio(soundtrack, { time, playing: false }, false)
  return createElement('audio', { ref: control.audio })
}

let container: HTMLDivElement
let root: Root
beforeEach(() => {
  container = document.createElement('div')
  root = createRoot(container)
})
afterEach(() => act(() => root.unmount()))

it('follows a step made while the audio was still seeking, once the seek is done (paused, nothing renders again)', () => {
  act(() => root.render(createElement(Player, { time: 0 })))
  const audio = container.querySelector('audio')!
  const state = fakeAudio(audio)
  // Home has just sought the audio to 0, and the seek is under way when → steps to 3 s.
  state.seeking = true
  act(() => root.render(createElement(Player, { time: 3 })))
  expect(state.currentTime).toBe(0)
  // The seek lands: the audio goes where the playhead is now.
  state.seeking = false
  act(() => void audio.dispatchEvent(new Event('seeked')))
  expect(state.currentTime).toBe(3)
})
