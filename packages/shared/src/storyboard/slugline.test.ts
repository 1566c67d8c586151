import { describe, expect, it } from 'vitest'
import { sceneTimeAfterSluglineEdit, timeOfDayFromSlugline } from './slugline'

describe('timeOfDayFromSlugline', () => {
  it.each([
    ['EXT. HARBOUR – NIGHT', 'night'],
    ['INT. KITCHEN - DAY', 'day'],
    ['INT./EXT. CAR — DUSK', 'dusk'],
    ['I/E CAR - MORNING', 'morning'],
    ['EST. CITY -- DAWN', 'dawn'],
    ['INT. HALLWAY - CONTINUOUS', 'continuous'],
    ['INT. HALLWAY – MOMENTS LATER', 'later'],
    ['INT. HALLWAY - LATER', 'later'],
    ['ext. harbour - night', 'night'],
    ['EXT. HARBOUR—NIGHT', 'night'],
    ['EXT. PIER – EVENING.', 'evening'],
    ['EXT. PIER - (NIGHT)', 'night'],
    ['.FLASHBACK – NIGHT', 'night'],
    ['- DAY', 'day'],
    ['INT. CAR - MOVING - NIGHT', 'night'],
    ['INT. HOUSE - DAY - CONTINUOUS', 'continuous'],
    ['EXT. HARBOUR - NIGHT - FLASHBACK', 'night'],
    ['EXT. HARBOUR - NIGHT #12A#', 'night'],
    ['EXT. HARBOUR - NIGHT [[rain]]', 'night'],
    ['EXT. HILL – SUNRISE', 'dawn'],
    ['EXT. HILL – SUNSET', 'dusk'],
  ] as const)('%s → %s', (slugline, time) => {
    expect(timeOfDayFromSlugline(slugline)).toBe(time)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['EXT. HARBOUR', 'no time'],
    ['EXT. HARBOUR NIGHT', 'no separator before the time'],
    ['INT. DAY CARE CENTRE', 'a time word in the place, not after a dash'],
    ['INT. DAY-CARE – AFTERNOON TEA', 'a time word inside a hyphenated place, an unknown time'],
    ['EXT. WALKIE-NIGHT', 'an unspaced hyphen is part of a word'],
    ['EXT. HARBOUR - DAY FOR NIGHT', 'a time that is none of ours'],
    ['EXT. HARBOUR - NIGHTFALL', 'a longer word that starts like one'],
    ['EXT. HARBOUR - TOMORROW', 'a time that is none of ours'],
    ['- - - -', 'only separators'],
    ['EXT. HARBOUR - __proto__', 'an object key'],
    ['EXT. HARBOUR - constructor', 'an object key'],
  ])('%s → null (%s)', (slugline) => {
    expect(timeOfDayFromSlugline(slugline)).toBeNull()
  })

  it('reads through invisible and look-alike characters', () => {
    expect(timeOfDayFromSlugline('EXT. HARBOUR – \u202ENIGHT')).toBe('night')
    expect(timeOfDayFromSlugline('EXT. HARBOUR – NI\u200BGHT')).toBe('night')
    expect(timeOfDayFromSlugline('EXT. HARBOUR\u00A0–\u00A0NIGHT')).toBe('night')
    expect(timeOfDayFromSlugline('EXT. HARBOUR － ＮＩＧＨＴ')).toBe('night')
    expect(timeOfDayFromSlugline('EXT. HARBOUR\t-\nNIGHT')).toBe('night')
  })

  it('does not take a dotless i for an i (locale-free upper-casing)', () => {
    expect(timeOfDayFromSlugline('EXT. HARBOUR – nıght')).toBeNull()
    expect(timeOfDayFromSlugline('EXT. HARBOUR – Nİght')).toBeNull()
  })

  it('answers at once for very long or pathological input', () => {
    expect(timeOfDayFromSlugline(`${'- '.repeat(50_000)}NIGHT`)).toBe('night')
    expect(timeOfDayFromSlugline('EXT. ' + 'A – '.repeat(50_000))).toBeNull()
    expect(timeOfDayFromSlugline('#'.repeat(100_000))).toBeNull()
    expect(timeOfDayFromSlugline('[['.repeat(50_000) + ' - DAY')).toBe('day')
  })
})

describe('sceneTimeAfterSluglineEdit', () => {
  it('fills an empty time of day from the slugline', () => {
    expect(sceneTimeAfterSluglineEdit({ slugline: 'EXT. HARBOUR – NIGH', timeOfDay: null }, 'EXT. HARBOUR – NIGHT')).toBe('night')
  })

  it('never overwrites a time of day the slugline did not say', () => {
    expect(sceneTimeAfterSluglineEdit({ slugline: '', timeOfDay: 'dawn' }, 'EXT. HARBOUR – NIGHT')).toBe('dawn')
    expect(sceneTimeAfterSluglineEdit({ slugline: 'EXT. HARBOUR – DAY', timeOfDay: 'dawn' }, 'EXT. HARBOUR – NIGHT')).toBe('dawn')
  })

  it('follows the slugline while the time of day is the one it said', () => {
    expect(sceneTimeAfterSluglineEdit({ slugline: 'EXT. HARBOUR – DAY', timeOfDay: 'day' }, 'EXT. HARBOUR – NIGHT')).toBe('night')
    // Typing on past a time word ("NIGHT" → "NIGHTFALL"), the guess goes with it.
    expect(sceneTimeAfterSluglineEdit({ slugline: 'EXT. HARBOUR – NIGHT', timeOfDay: 'night' }, 'EXT. HARBOUR – NIGHTF')).toBeNull()
  })

  it('leaves an empty time of day empty when the slugline names none', () => {
    expect(sceneTimeAfterSluglineEdit({ slugline: '', timeOfDay: null }, 'EXT. HARBOUR')).toBeNull()
  })
})
