import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fileLength = vi.hoisted(() => ({ seconds: undefined as number | undefined }))
vi.mock('./readAudioDuration', () => ({ readAudioDuration: async () => fileLength.seconds }))

import { loadSoundtrackPeaks, MAX_WAVEFORM_SECONDS } from './loadSoundtrackPeaks'

describe('loadSoundtrackPeaks', () => {
  const decodeAudioData = vi.fn()
  let n = 0
  /** A URL of its own per test: peaks are kept by URL. */
  const url = () => `/api/boards/b/assets/${(++n).toString(16).padStart(64, '0')}`

  beforeEach(() => {
    decodeAudioData.mockReset()
    decodeAudioData.mockResolvedValue({ duration: 2, sampleRate: 8000, numberOfChannels: 1, getChannelData: () => new Float32Array(16_000).fill(0.5) })
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array(64)))
    vi.stubGlobal('OfflineAudioContext', class { decodeAudioData = decodeAudioData })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('decodes a file whose own metadata says it is short enough', async () => {
    fileLength.seconds = 2
    const peaks = await loadSoundtrackPeaks(url(), new AbortController().signal)
    expect(decodeAudioData).toHaveBeenCalledTimes(1)
    expect(peaks).not.toBeNull()
  })

  it('never decodes a file longer than the limit, whatever length the board claims for it', async () => {
    fileLength.seconds = MAX_WAVEFORM_SECONDS + 60
    expect(await loadSoundtrackPeaks(url(), new AbortController().signal)).toBeNull()
    expect(decodeAudioData).not.toHaveBeenCalled()
  })

  it('never decodes a file this browser cannot read the length of', async () => {
    fileLength.seconds = undefined
    expect(await loadSoundtrackPeaks(url(), new AbortController().signal)).toBeNull()
    expect(decodeAudioData).not.toHaveBeenCalled()
  })
})
