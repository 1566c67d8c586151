import { describe, expect, it } from 'vitest'
import { PORTRAIT_BREAKPOINT } from 'tldraw'
import { topBarLayout } from './topBarLayout'

describe('topBarLayout', () => {
  it('spells every control out on a desktop-wide canvas only', () => {
    expect(topBarLayout(PORTRAIT_BREAKPOINT.DESKTOP)).toBe('full')
    expect(topBarLayout(PORTRAIT_BREAKPOINT.TABLET)).toBe('narrow') // 840–1022 px: the full row ran off the screen
  })

  it('keeps words on a tablet (768 and 600 px) and turns to icons on a phone (390 px)', () => {
    expect(topBarLayout(PORTRAIT_BREAKPOINT.TABLET_SM)).toBe('narrow')
    expect(topBarLayout(PORTRAIT_BREAKPOINT.MOBILE)).toBe('narrow')
    expect(topBarLayout(PORTRAIT_BREAKPOINT.MOBILE_SM)).toBe('phone')
    expect(topBarLayout(PORTRAIT_BREAKPOINT.MOBILE_XXS)).toBe('phone')
  })
})
