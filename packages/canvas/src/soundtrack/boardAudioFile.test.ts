import { describe, expect, it } from 'vitest'
import { audioFileTooLarge } from './boardAudioFile'

describe('audio file size', () => {
  const limit = 25 * 1024 * 1024

  it('takes a file up to the board\'s limit', () => {
    expect(audioFileTooLarge(limit, limit)).toBeNull()
    expect(audioFileTooLarge(1, limit)).toBeNull()
  })

  it('refuses a larger one, saying how large it is and what the limit is', () => {
    expect(audioFileTooLarge(31.5 * 1024 * 1024, limit)).toBe(
      'That file is 31.5 MB; an audio file may be at most 25 MB. Choose a shorter or compressed one (MP3, M4A, Ogg).',
    )
  })
})
