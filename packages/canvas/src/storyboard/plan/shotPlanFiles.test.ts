import { describe, expect, it } from 'vitest'
import { fileBaseName } from './shotPlanFiles'

describe('fileBaseName', () => {
  it('makes a Latin board name lower case, its accents dropped and anything else a dash', () => {
    expect(fileBaseName('Café Lumière — Spring Spot v2 (client cut)', 'animatic')).toBe('cafe-lumiere-spring-spot-v2-client-cut')
    expect(fileBaseName('  ...  ', 'animatic')).toBe('animatic')
    expect(fileBaseName(undefined, 'storyboard')).toBe('storyboard')
  })

  it('keeps the letters and digits of any script, so a board named in Japanese, Russian or Arabic is not saved as the fallback', () => {
    expect(fileBaseName('春のスポット：ガラス 2', 'animatic')).toBe('春のスポット-ガラス-2')
    expect(fileBaseName('Весенний ролик', 'animatic')).toBe('весенний-ролик')
    expect(fileBaseName('مشهد ١', 'animatic')).toBe('مشهد-١')
    // Hangul stays composed (as typed), not broken into its letters.
    expect(fileBaseName('봄 광고', 'animatic')).toBe('봄-광고')
  })

  it('stays at most 80 characters, never cutting a character in two', () => {
    expect(Array.from(fileBaseName('𠀀'.repeat(100), 'x'))).toEqual(Array(80).fill('𠀀'))
    expect(fileBaseName('a'.repeat(100), 'x')).toHaveLength(80)
  })
})
