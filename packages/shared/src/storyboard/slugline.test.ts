import { describe, expect, it } from 'vitest'
import { locationFromSlugline, sceneLocationAfterSluglineEdit, sceneTimeAfterSluglineEdit, timeOfDayFromSlugline } from './slugline'

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

describe('locationFromSlugline', () => {
  it.each([
    ['INT. KITCHEN - NIGHT', 'KITCHEN'],
    ['EXT. HARBOUR – NIGHT', 'HARBOUR'],
    ['ext. harbour - night', 'harbour'],
    ['Int. Mel’s Diner - Day', 'Mel’s Diner'],
    ['INT./EXT. CAR — DUSK', 'CAR'],
    ['INT/EXT CAR - DUSK', 'CAR'],
    ['I/E CAR - MORNING', 'CAR'],
    ['EST. CITY -- DAWN', 'CITY'],
    ['EXT. HARBOUR—NIGHT', 'HARBOUR'],
    ['.FLASHBACK – NIGHT', 'FLASHBACK'],
    ['INT. McDONALD’S - NIGHT', 'McDONALD’S'],
    ['INT. DAY CARE CENTRE', 'DAY CARE CENTRE'],
    ['INT. DAY-CARE – AFTERNOON TEA', 'DAY-CARE'],
    ['EXT. WALKIE-NIGHT', 'WALKIE-NIGHT'],
    ['INT. HOUSE - KITCHEN - NIGHT', 'HOUSE - KITCHEN'],
    ['INT. HOUSE – KITCHEN – NIGHT', 'HOUSE – KITCHEN'],
    ['INT. HOUSE - DAY - CONTINUOUS', 'HOUSE'],
    ['EXT. HARBOUR - NIGHT - FLASHBACK', 'HARBOUR'],
    ['EXT. HARBOUR - DAY FOR NIGHT', 'HARBOUR'],
    ['EXT. HARBOUR - NIGHT #12A#', 'HARBOUR'],
    ['EXT. HARBOUR [[rain]] - NIGHT', 'HARBOUR'],
    ['  INT.   KITCHEN   -   NIGHT  ', 'KITCHEN'],
    ['KITCHEN - NIGHT', 'KITCHEN'],
    ['INTERVIEW ROOM - DAY', 'INTERVIEW ROOM'],
  ])('%s → %s', (slugline, location) => {
    expect(locationFromSlugline(slugline)).toBe(location)
  })

  it.each([
    ['', 'empty'],
    ['INT. ', 'only the interior mark'],
    ['- NIGHT', 'only a time'],
    ['NIGHT', 'a time alone'],
    ['- - - -', 'only separators'],
  ])('%s → empty (%s)', (slugline) => {
    expect(locationFromSlugline(slugline)).toBe('')
  })

  it('drops invisible characters that would reorder the place', () => {
    expect(locationFromSlugline('INT. \u202eKITCHEN - NIGHT')).toBe('KITCHEN')
  })

  it('answers at once for very long or pathological input', () => {
    expect(locationFromSlugline(`INT. ${' '.repeat(100_000)}x`)).toBe('x')
    expect(locationFromSlugline('EXT. ' + 'A – '.repeat(50_000))).toBe('A')
    expect(locationFromSlugline('INT. HOUSE' + ' -'.repeat(50_000))).toBe('HOUSE')
    expect(locationFromSlugline(' -'.repeat(50_000) + ' HOUSE')).toBe('')
  })
})

describe('sceneLocationAfterSluglineEdit', () => {
  it('fills an empty location from the slugline, as typed', () => {
    expect(sceneLocationAfterSluglineEdit({ slugline: '', location: '' }, 'INT. KITCHEN - NIGHT')).toBe('KITCHEN')
  })

  it('follows the slugline while the location is the one it filled', () => {
    expect(sceneLocationAfterSluglineEdit({ slugline: 'INT. KITCH', location: 'KITCH' }, 'INT. KITCHEN')).toBe('KITCHEN')
    expect(sceneLocationAfterSluglineEdit({ slugline: 'INT. KITCHEN - NIGHT', location: 'KITCHEN' }, 'INT. ')).toBe('')
  })

  it('never overwrites a location typed by hand', () => {
    expect(sceneLocationAfterSluglineEdit({ slugline: '', location: 'Mum’s kitchen' }, 'INT. KITCHEN - NIGHT')).toBe('Mum’s kitchen')
    expect(sceneLocationAfterSluglineEdit({ slugline: 'INT. KITCHEN - NIGHT', location: 'Mum’s kitchen' }, 'INT. HALL - NIGHT')).toBe('Mum’s kitchen')
  })

  it('treats a location of only spaces as empty', () => {
    expect(sceneLocationAfterSluglineEdit({ slugline: '', location: '  ' }, 'EXT. PIER - DAY')).toBe('PIER')
  })
})
