import { describe, expect, it } from 'vitest'
import { createBoardSettings } from './boardSettingsRecord'
import { compareOrderKeys } from './sequence'
import { screenplayToShotPlan, type ScreenplayBoard } from './screenplay'
import { plainText } from './screenplay/fountainReader'
import type { ShotPlan } from './shotPlan'

// The board's whole settings record, as the canvas passes it: the plan keeps only a plan's fields.
const board: ScreenplayBoard = { settings: createBoardSettings({ numbering: 'decimal', fps: 24, defaultAspect: '2.39:1' }), shotSize: { w: 320, h: 190 } }

function planOf(text: string): ShotPlan {
  const result = screenplayToShotPlan(text, board)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.plan
}

const QUAY = `Title: The *Quay*
Author: Ada

FADE IN:

INT. KITCHEN - NIGHT

Mary opens the door. Rain blows in across the tiles.

MARY
(quietly)
You came back.

TOM
I did. I said I would, and here I am, soaked to the bone.

She stops. [[a note to cut]]

DISSOLVE TO:

EXT. QUAY – DAWN #12#

**Gulls** wheel over _the_ empty quay.
`

describe('screenplayToShotPlan', () => {
  it('makes a scene of each heading, a shot of each action paragraph, and gives speeches to the shot before them', () => {
    const result = screenplayToShotPlan(QUAY, board)
    expect(result.ok && result.title).toBe('The Quay')
    const plan = planOf(QUAY)
    expect(plan.scenes.map(({ slugline, location, timeOfDay, name }) => ({ slugline, location, timeOfDay, name }))).toEqual([
      { slugline: 'INT. KITCHEN - NIGHT', location: 'KITCHEN', timeOfDay: 'night', name: '' },
      { slugline: 'EXT. QUAY – DAWN', location: 'QUAY', timeOfDay: 'dawn', name: '' },
    ])
    const [kitchen, quay] = plan.scenes.map((scene) => scene.id)
    expect(plan.shots.map(({ sceneId, title, action, dialogue, transitionIn }) => ({ sceneId, title, action, dialogue, transitionIn }))).toEqual([
      {
        sceneId: kitchen,
        title: 'Mary opens the door.',
        action: 'Mary opens the door. Rain blows in across the tiles.',
        dialogue: 'MARY: (quietly) You came back.\nTOM: I did. I said I would, and here I am, soaked to the bone.',
        transitionIn: 'fade',
      },
      { sceneId: kitchen, title: 'She stops.', action: 'She stops.', dialogue: '', transitionIn: 'cut' },
      { sceneId: quay, title: 'Gulls wheel over the empty quay.', action: 'Gulls wheel over the empty quay.', dialogue: '', transitionIn: 'dissolve' },
    ])
    // A script says which transition, never how long: its fade and dissolve play the usual length.
    expect(plan.shots.map((shot) => shot.transitionInSeconds)).toEqual([null, null, null])
  })

  it('orders scenes and each scene’s shots as written, lays each scene out in rows of its own, and keeps the board’s settings', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Beat ${i + 1}.`).join('\n\n')
    const plan = planOf(`A cold open.\n\nINT. ONE - DAY\n\n${paragraphs}\n\nINT. TWO - DAY\n\nLast beat.\n`)
    expect(plan.settings).toEqual({ numbering: 'decimal', fps: 24, defaultAspect: '2.39:1' })
    const sorted = [...plan.scenes].sort((a, b) => compareOrderKeys(a.order, b.order))
    expect(sorted.map((scene) => scene.slugline)).toEqual(['INT. ONE - DAY', 'INT. TWO - DAY'])
    const [one, two] = sorted.map((scene) => scene.id)
    // The action before the first heading is a shot in no scene.
    expect(plan.shots[0]).toMatchObject({ sceneId: null, action: 'A cold open.' })
    const inOne = plan.shots.filter((shot) => shot.sceneId === one)
    expect([...inOne].sort((a, b) => compareOrderKeys(a.order, b.order)).map((shot) => shot.action)).toEqual(paragraphs.split('\n\n'))
    for (const shot of plan.shots) expect(shot).toMatchObject({ w: 320, h: 190, aspect: '2.39:1', media: null, status: 'draft' })
    // Six to a row, then the scene wraps; the next scene starts below every row of the one before.
    const rows = (shots: typeof plan.shots) => [...new Set(shots.map((shot) => shot.y))]
    expect(rows(inOne)).toHaveLength(2)
    expect(inOne.filter((shot) => shot.y === inOne[0]!.y)).toHaveLength(6)
    const bottomOfOne = Math.max(...inOne.map((shot) => shot.y + shot.h))
    const topOfTwo = Math.min(...plan.shots.filter((shot) => shot.sceneId === two).map((shot) => shot.y))
    expect(topOfTwo).toBeGreaterThan(bottomOfOne)
    expect(plan.shots[0]!.y + plan.shots[0]!.h).toBeLessThan(Math.min(...inOne.map((shot) => shot.y)))
  })

  it('lasts a shot as long as its dialogue takes to say, never less than the default', () => {
    const longSpeech = Array.from({ length: 25 }, () => 'word').join(' ')
    const plan = planOf(`INT. ROOM - DAY\n\nShe listens.\n\nBOB\n${longSpeech}\n\nHe nods.\n`)
    expect(plan.shots.map((shot) => shot.duration)).toEqual([10, 3])
  })

  it('starts a shot for a speech that comes before any action in its scene, and reads lyrics as dialogue', () => {
    const plan = planOf(`INT. CAR - NIGHT\n\nBOB (V.O.)\nWe never went back.\n\n~Row, row, row your boat\n`)
    expect(plan.shots).toHaveLength(1)
    expect(plan.shots[0]).toMatchObject({ title: '', action: '', dialogue: 'BOB (V.O.): We never went back.\n♪ Row, row, row your boat' })
  })

  it('reads dual dialogue (^) as two speeches said at once, lasting as long as the longer', () => {
    const long = Array.from({ length: 20 }, () => 'word').join(' ')
    const plan = planOf(`INT. RING - NIGHT\n\nThey square up.\n\nBRICK\nScrew retirement.\n\nSTEEL ^\n${long}\n`)
    // The second speaker's cue keeps Fountain's caret: the shot's dialogue says the two are said at once.
    expect(plan.shots[0]).toMatchObject({ dialogue: `BRICK: Screw retirement.\nSTEEL ^: ${long}`, duration: 8 })
  })

  it('cuts a long first sentence into a title at a word', () => {
    const plan = planOf('INT. HALL - DAY\n\nThe procession of mourners winds slowly through the great hall toward the altar, candles guttering\n')
    expect(plan.shots[0]!.title).toBe('The procession of mourners winds slowly through…')
    expect(plan.shots[0]!.title.length).toBeLessThanOrEqual(48)
  })

  it('refuses text with nothing to board, and what is past a plan’s limits, saying where', () => {
    expect(screenplayToShotPlan('Title: Empty\n\nINT. VOID - DAY\n', board)).toMatchObject({ ok: false, errors: [expect.stringContaining('No action or dialogue found')] })
    const tooLong = screenplayToShotPlan(`INT. ROOM - DAY\n\n${'x'.repeat(10_001)}\n`, board)
    expect(tooLong).toEqual({ ok: false, errors: ["Shot 1's action paragraph is longer than 10000 characters"] })
    const longHeading = screenplayToShotPlan(`INT. ${'A'.repeat(300)} - DAY\n\nBeat.\n`, board)
    expect(longHeading).toMatchObject({ ok: false, errors: ["Scene 1's heading is longer than 200 characters"] })
  })

  it('takes a capitals line such as CLOSE ON THE LETTER as a shot heading: the shot is framed as it says', () => {
    const plan = planOf('INT. HALL - DAY\n\nShe finds the letter.\n\nCLOSE ON THE LETTER.\n\nHer name, in his hand.\n\nLOW ANGLE - WIDE ON THE STAIRS\n')
    expect(plan.shots.map(({ title, action, camera }) => ({ title, action, shotSize: camera.shotSize, angle: camera.angle }))).toEqual([
      { title: 'She finds the letter.', action: 'She finds the letter.', shotSize: 'ms', angle: 'eye-level' },
      { title: 'CLOSE ON THE LETTER.', action: 'Her name, in his hand.', shotSize: 'cu', angle: 'eye-level' },
      { title: 'LOW ANGLE - WIDE ON THE STAIRS', action: '', shotSize: 'ws', angle: 'low' },
    ])
  })
})

describe('plainText', () => {
  it('takes out notes, emphasis and escapes, and keeps lone marks', () => {
    expect(plainText('He *really* means it. [[cut?]]')).toBe('He really means it.')
    expect(plainText('***Bold italic*** and _underlined_ and **bold**')).toBe('Bold italic and underlined and bold')
    expect(plainText('5 * 3 = 15, snake_case_name, \\*literal\\*')).toBe('5 * 3 = 15, snake_case_name, *literal*')
    expect(plainText('Line one   \nline two')).toBe('Line one\nline two')
  })
})

describe('screenplayToShotPlan on what is not a script', () => {
  it('refuses binary data read as text with why, rather than boarding it or blaming its paragraph lengths', () => {
    let seed = 7
    const noise = Array.from({ length: 30_000 }, () => String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)).join('')
    expect(screenplayToShotPlan(noise, board)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^This file is not plain text/)] })
    expect(screenplayToShotPlan('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n', board)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^This is a PDF/)] })
  })
})
