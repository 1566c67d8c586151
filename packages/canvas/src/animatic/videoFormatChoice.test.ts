import { describe, expect, it } from 'vitest'
import { chooseVideoFormat, type VideoFormatId } from './videoFormatChoice'

const encodes = (...ids: VideoFormatId[]) => new Set(ids)

describe('chooseVideoFormat', () => {
  it('offers MP4 first where the browser encodes both', () => {
    expect(chooseVideoFormat(encodes('mp4', 'webm'), null)).toBe('mp4')
  })

  it('offers WebM where the browser cannot encode H.264', () => {
    expect(chooseVideoFormat(encodes('webm'), null)).toBe('webm')
  })

  it('offers the format the person chose last time', () => {
    expect(chooseVideoFormat(encodes('mp4', 'webm'), 'webm')).toBe('webm')
    expect(chooseVideoFormat(encodes('mp4', 'webm'), 'mp4')).toBe('mp4')
  })

  it('passes over a remembered format this browser cannot encode', () => {
    expect(chooseVideoFormat(encodes('webm'), 'mp4')).toBe('webm')
    expect(chooseVideoFormat(encodes('mp4'), 'webm')).toBe('mp4')
  })

  it('ignores whatever else is stored under its key', () => {
    for (const stored of ['', 'MP4', 'mov', '__proto__', 'mp4 ', '{"format":"webm"}']) {
      expect(chooseVideoFormat(encodes('mp4', 'webm'), stored), stored).toBe('mp4')
    }
  })

  it('offers nothing where the browser encodes neither', () => {
    expect(chooseVideoFormat(encodes(), 'webm')).toBeNull()
  })
})
