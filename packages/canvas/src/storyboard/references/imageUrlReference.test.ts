import { describe, expect, it } from 'vitest'
import { imageNameFromUrl, isImageUrl } from './imageUrlReference'

describe('an image pasted by its address', () => {
  it('is named by the file at the end of the address, decoded', () => {
    expect(imageNameFromUrl('https://example.com/refs/mei%20sheet.png?w=800')).toBe('mei sheet.png')
  })

  it('keeps a name with a bare % as written instead of failing the paste', () => {
    expect(isImageUrl('https://example.com/grade-100%.png')).toBe(true)
    expect(imageNameFromUrl('https://example.com/grade-100%.png')).toBe('grade-100%.png')
  })
})
