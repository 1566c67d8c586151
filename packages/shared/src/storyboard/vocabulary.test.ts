import { describe, expect, it } from 'vitest'
import { FRAME_RATES, NUMBERING_STYLES } from './boardSettingsRecord'
import { SCENE_COLORS, TIMES_OF_DAY } from './sceneRecord'
import {
  ASPECT_RATIOS,
  CAMERA_ANGLES,
  CAMERA_MOVEMENTS,
  COMMON_LENSES,
  REFERENCE_ROLES,
  SHOT_SIZES,
  SHOT_STATUSES,
  TRANSITIONS,
  aspectRatioValue,
  entryOf,
  formatLens,
} from './vocabulary'

const vocabularies = {
  ASPECT_RATIOS,
  SHOT_SIZES,
  CAMERA_ANGLES,
  CAMERA_MOVEMENTS,
  TRANSITIONS,
  SHOT_STATUSES,
  REFERENCE_ROLES,
  COMMON_LENSES,
  TIMES_OF_DAY,
  SCENE_COLORS,
  NUMBERING_STYLES,
  FRAME_RATES,
}

describe('vocabularies', () => {
  it.each(Object.entries(vocabularies))('%s has unique ids and labels', (_name, list) => {
    const entries = list as readonly { id: unknown; label: string }[]
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    expect(new Set(entries.map((e) => e.label)).size).toBe(entries.length)
  })

  it('speaks storyboard', () => {
    expect(SHOT_SIZES.map((s) => s.abbr)).toEqual(['EWS', 'WS', 'MWS', 'MS', 'MCU', 'CU', 'ECU', '2S', 'OTS', 'POV', 'INSERT'])
    expect(entryOf(CAMERA_ANGLES, 'dutch').label).toBe('Dutch (canted)')
    expect(entryOf(CAMERA_MOVEMENTS, 'steadicam').label).toBe('Steadicam / gimbal')
  })

  it('knows each aspect ratio as a number', () => {
    expect(aspectRatioValue('16:9')).toBeCloseTo(1.7778, 4)
    expect(aspectRatioValue('2.39:1')).toBe(2.39)
    expect(aspectRatioValue('9:16')).toBeCloseTo(0.5625)
  })

  it('writes lenses in mm', () => {
    expect(formatLens(50)).toBe('50mm')
    expect(formatLens(10.5)).toBe('10.5mm')
    expect(formatLens(null)).toBe('')
  })

  it('says so when asked for a word it does not know', () => {
    expect(() => entryOf(SHOT_SIZES, 'huge' as never)).toThrow(/huge/)
  })
})
