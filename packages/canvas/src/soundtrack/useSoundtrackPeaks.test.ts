// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { SoundtrackPeaks } from './soundtrackPeaks'
import { useSoundtrackPeaks } from './useSoundtrackPeaks'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** Each load the hook starts, settled by the test. */
const loads: { url: string; signal: AbortSignal; resolve(peaks: SoundtrackPeaks | null): void }[] = []
vi.mock('./loadSoundtrackPeaks', () => ({
  MAX_WAVEFORM_SECONDS: 900,
  loadSoundtrackPeaks: (url: string, signal: AbortSignal) => new Promise((resolve) => loads.push({ url, signal, resolve })),
}))

const peaksOf = (level: number): SoundtrackPeaks => ({ perSecond: 1, values: Float32Array.of(level) })
let shown: SoundtrackPeaks | null = null
function Waveform({ url, duration }: { url: string | null; duration: number }) {
  shown = useSoundtrackPeaks(url, duration)
  return null
}

let root: Root
beforeEach(() => {
  loads.length = 0
  shown = null
  root = createRoot(document.createElement('div'))
})
afterEach(() => act(() => root.unmount()))

it('shows the file’s peaks once loaded, and none of the file before while another one loads (Replace), whose load is aborted', async () => {
  act(() => root.render(createElement(Waveform, { url: '/a.wav', duration: 8 })))
  await act(async () => loads[0]!.resolve(peaksOf(0.5)))
  expect(shown).toEqual(peaksOf(0.5))

  act(() => root.render(createElement(Waveform, { url: '/b.wav', duration: 8 })))
  expect(shown).toBeNull()
  act(() => root.render(createElement(Waveform, { url: '/c.wav', duration: 8 })))
  expect(loads.map((load) => [load.url, load.signal.aborted])).toEqual([
    ['/a.wav', true],
    ['/b.wav', true],
    ['/c.wav', false],
  ])
  await act(async () => loads[2]!.resolve(peaksOf(0.9)))
  expect(shown).toEqual(peaksOf(0.9))
})

it('aborts the load when Present closes, and loads nothing for a soundtrack removed or too long to decode', () => {
  act(() => root.render(createElement(Waveform, { url: '/a.wav', duration: 8 })))
  act(() => root.render(createElement(Waveform, { url: null, duration: 0 })))
  act(() => root.render(createElement(Waveform, { url: '/long.mp3', duration: 901 })))
  expect(loads.map((load) => [load.url, load.signal.aborted])).toEqual([['/a.wav', true]])
  act(() => root.render(createElement(Waveform, { url: '/b.wav', duration: 8 })))
  act(() => root.unmount())
  expect(loads[1]!.signal.aborted).toBe(true)
  root = createRoot(document.createElement('div'))
})
