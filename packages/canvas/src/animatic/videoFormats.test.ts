import { describe, expect, it } from 'vitest'
import { FRAME_RATE_IDS } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { ASPECT_RATIO_IDS } from '@storyloom/shared/storyboard/vocabulary'
import { videoFrameSize } from './animaticFrames'
import { h264Encodings, silentFormatWarning } from './videoFormats'

describe('h264Encodings', () => {
  it('declares level 3.1 for every size and frame rate a board can export, each side even', () => {
    for (const aspect of ASPECT_RATIO_IDS) {
      for (const fps of FRAME_RATE_IDS) {
        const size = { ...videoFrameSize(aspect), fps }
        expect(size.width % 2, aspect).toBe(0)
        expect(size.height % 2, aspect).toBe(0)
        const strings = h264Encodings(size).map((encoding) => encoding.fullCodecString)
        // High, then Main, then Constrained Baseline (what every H.264 encoder makes), all at level 3.1 (1f).
        expect(strings, `${aspect} at ${fps} fps`).toEqual(['avc1.64001f', 'avc1.4d001f', 'avc1.42e01f'])
      }
    }
  })

  it('leaves the level to the encoder for a frame level 3.1 cannot carry', () => {
    // 1080p has 8160 macroblocks, level 3.1 at most 3600; 720p at 60 fps is 216 000 a second, level 3.1 at most 108 000.
    for (const size of [
      { width: 1920, height: 1080, fps: 24 },
      { width: 1280, height: 720, fps: 60 },
    ]) {
      expect(h264Encodings(size)).toEqual([{ codec: 'avc' }])
    }
  })
})

describe('silentFormatWarning', () => {
  const both = new Set(['mp4', 'webm'] as const)
  it('warns of a format whose audio this browser cannot encode, naming the one that keeps the sound', () => {
    expect(silentFormatWarning('mp4', both, new Set(['mp4']))).toBe('This browser can’t encode AAC audio, so an MP4 made here is silent. WebM keeps the sound.')
    expect(silentFormatWarning('webm', both, new Set(['webm']))).toBe('This browser can’t encode Opus audio, so a WebM made here is silent. MP4 keeps the sound.')
  })

  it('names no other format when none keeps the sound here (silent too, or not made at all)', () => {
    expect(silentFormatWarning('mp4', both, both)).toBe('This browser can’t encode AAC audio, so an MP4 made here is silent.')
    expect(silentFormatWarning('mp4', new Set(['mp4']), new Set(['mp4']))).toBe('This browser can’t encode AAC audio, so an MP4 made here is silent.')
  })

  it('says nothing of a format that keeps the sound, or that this browser cannot make at all', () => {
    expect(silentFormatWarning('webm', both, new Set(['mp4']))).toBeNull()
    expect(silentFormatWarning('mp4', new Set(['webm']), new Set(['mp4']))).toBeNull()
  })
})
