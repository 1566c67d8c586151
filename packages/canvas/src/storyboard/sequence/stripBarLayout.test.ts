import { describe, expect, it } from 'vitest'
import { STRIP_SETTINGS_INLINE_MIN_WIDTH, stripBarLayout, stripSettingsPlacement } from './stripBarLayout'

describe('stripBarLayout', () => {
  it('keeps the settings in the bar on a desktop-wide bar', () => {
    expect(stripBarLayout(1280)).toBe('inline')
    expect(stripBarLayout(STRIP_SETTINGS_INLINE_MIN_WIDTH)).toBe('inline')
  })

  it('moves them behind the settings button on a tablet or a phone', () => {
    expect(stripBarLayout(STRIP_SETTINGS_INLINE_MIN_WIDTH - 1)).toBe('menu')
    expect(stripBarLayout(768)).toBe('menu')
    expect(stripBarLayout(390)).toBe('menu')
  })

  it('treats a bar not measured yet as a desktop one', () => {
    expect(stripBarLayout(0)).toBe('inline')
  })
})

describe('stripSettingsPlacement', () => {
  it('opens just above the button, right edges aligned', () => {
    expect(stripSettingsPlacement({ top: 660, right: 386 }, { width: 390, height: 844 })).toEqual({ bottom: 188, right: 8 })
    expect(stripSettingsPlacement({ top: 660, right: 300 }, { width: 390, height: 844 })).toEqual({ bottom: 188, right: 90 })
  })

  it('stays inside the screen when the button is at its very edge', () => {
    expect(stripSettingsPlacement({ top: 900, right: 395 }, { width: 390, height: 844 })).toEqual({ bottom: 8, right: 8 })
  })
})
