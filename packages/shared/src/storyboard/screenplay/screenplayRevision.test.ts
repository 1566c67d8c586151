import type { TLAssetId, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { createBoardSettings } from '../boardSettingsRecord'
import { dialogueShortfall } from '../dialogueTiming'
import { screenplayToShotPlan, type ScreenplayBoard } from '../screenplay'
import { compareOrderKeys } from '../sequence'
import type { ShotPlan } from '../shotPlan'
import { sluglineKey } from './revisionKeys'
import { reviseShotPlan, type ScreenplayRevision } from './screenplayRevision'
import { scriptWordsMark } from './scriptWordsMark'

const board: ScreenplayBoard = { settings: createBoardSettings({ numbering: 'decimal', fps: 24, defaultAspect: '16:9' }), shotSize: { w: 320, h: 180 } }

function planOf(text: string): ShotPlan {
  const result = screenplayToShotPlan(text, board)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.plan
}

function revision(result: ScreenplayRevision) {
  if (result.kind !== 'revision') throw new Error('expected a revision')
  return result
}

const DRAFT = `INT. KITCHEN - NIGHT

Mary opens the door. Rain blows in.

MARY
You came back.

Tom stands dripping on the mat.

EXT. QUAY - DAWN

Gulls wheel over the empty quay.

INT. CAR - DAY

Tom drives in silence.
`

/** The draft as the board holds it once imported and worked on: a picture, a longer duration, a hand-made title. */
function workedBoard(): ShotPlan {
  const plan = planOf(DRAFT)
  const [door, mat] = plan.shots
  door!.duration = 7
  door!.media = { assetId: 'asset:pic' as TLAssetId, src: '/api/boards/b/assets/pic.png', kind: 'image' }
  door!.x = 1234
  mat!.title = 'Tom on the mat (hero)'
  return plan
}

describe('reviseShotPlan', () => {
  it("keeps words typed over the import's (marked on the shot), silently where the script kept its own, and takes the script's where the team did not type", () => {
    const worked = workedBoard()
    const [door, mat, gulls] = worked.shots
    const marks = new Map(worked.shots.map((shot) => [shot.id, scriptWordsMark(shot)]))
    door!.dialogue = 'MARY: You came back!'
    mat!.action = 'Tom drips on the mat.'
    const revised = DRAFT.replace('You came back.', 'You came back to me.').replace('the empty quay.', 'the quay.')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised), marks))
    // Both changed the door's dialogue: the board's kept and said; the mat's action only the team changed: kept, unsaid.
    expect(plan.shots.map((shot) => [shot.id, shot.action, shot.dialogue])).toEqual([[gulls!.id, 'Gulls wheel over the quay.', '']])
    expect(report.keptEdits).toEqual([{ id: door!.id, number: '1.1' }])
    expect(report.updatedShots).toBe(1)
    expect(report.scriptWords.get(door!.id)).toEqual({ action: door!.action, dialogue: 'MARY: You came back to me.' })
    // With no marks (a board imported before imports noted them) the script's words are taken, as before.
    const unmarked = revision(reviseShotPlan(worked, planOf(revised)))
    expect(unmarked.plan.shots.find((shot) => shot.id === door!.id)?.dialogue).toBe('MARY: You came back to me.')
    expect(unmarked.report.keptEdits).toEqual([])
  })

  it('changes nothing when the same script comes again', () => {
    const { plan, report } = revision(reviseShotPlan(workedBoard(), planOf(DRAFT)))
    expect(plan.shots).toEqual([])
    expect(plan.scenes).toEqual([])
    expect(report).toMatchObject({ updatedShots: 0, addedShots: 0, addedScenes: 0, missingShots: [] })
  })

  it('gives a shot whose action lost or gained a word the new words and keeps what the team made', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('Mary opens the door. Rain blows in.', 'Mary slowly opens the door. Rain blows in.').replace(
      'Tom stands dripping on the mat.',
      'Tom stands dripping on the doormat.',
    )
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 2, addedShots: 0, addedScenes: 0, missingShots: [] })
    const [door, mat] = plan.shots
    expect(door).toEqual({ ...worked.shots[0], action: 'Mary slowly opens the door. Rain blows in.', title: 'Mary slowly opens the door.' })
    // A title someone typed stays.
    expect(mat).toEqual({ ...worked.shots[1], action: 'Tom stands dripping on the doormat.' })
    expect(plan.scenes.map((scene) => scene.id)).toEqual([worked.scenes[0]!.id])
  })

  it('gives dual dialogue imported before the caret was written the caret, timed by the longer speech as on import', () => {
    const script = DRAFT.replace('MARY\nYou came back.\n', `MARY\nYou came back.\n\nTOM ^\n${'so '.repeat(12)}late.\n`)
    // The board as an import wrote it before: the same shot and duration, both cues plain.
    const before = planOf(script)
    const [door] = before.shots
    door!.dialogue = door!.dialogue.replace('TOM ^:', 'TOM:')
    expect(door!.duration).toBe(6)
    expect(dialogueShortfall(door!.duration, door!.dialogue)).toEqual({ needs: 6.4 })
    const { plan, report } = revision(reviseShotPlan(before, planOf(script)))
    expect(report).toMatchObject({ updatedShots: 1, addedShots: 0, missingShots: [] })
    expect(plan.shots[0]).toMatchObject({ id: door!.id, duration: 6, dialogue: `MARY: You came back.\nTOM ^: ${'so '.repeat(12)}late.` })
    expect(dialogueShortfall(plan.shots[0]!.duration, plan.shots[0]!.dialogue)).toBeNull()
  })

  it('puts a scene the script inserts between the scenes around it', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('INT. CAR - DAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nINT. CAR - DAY')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 0, addedShots: 1, addedScenes: 1, missingShots: [] })
    const [road] = plan.scenes
    expect(road!.slugline).toBe('EXT. ROAD - DAY')
    expect(compareOrderKeys(road!.order, worked.scenes[1]!.order)).toBeGreaterThan(0)
    expect(compareOrderKeys(road!.order, worked.scenes[2]!.order)).toBeLessThan(0)
    expect(plan.shots).toEqual([expect.objectContaining({ sceneId: road!.id, action: 'A car speeds past.' })])
  })

  it('puts a shot the script adds in a scene after the shot before it', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('Tom stands dripping on the mat.', 'A kettle whistles.\n\nTom stands dripping on the mat.')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 0, addedShots: 1, addedScenes: 0 })
    const [kettle] = plan.shots
    const [door, mat] = worked.shots
    expect(kettle).toMatchObject({ action: 'A kettle whistles.', sceneId: worked.scenes[0]!.id })
    expect(compareOrderKeys(kettle!.order, door!.order)).toBeGreaterThan(0)
    expect(compareOrderKeys(kettle!.order, mat!.order)).toBeLessThan(0)
    expect(report.placeAfter.get(kettle!.id)).toBe(door!.id)
  })

  it('puts the shots the script adds at the start of a scene before its first shot on the board', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('Mary opens the door.', 'Thunder rolls.\n\nLightning flashes.\n\nMary opens the door.')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 0, addedShots: 2, addedScenes: 0 })
    const [thunder, lightning] = plan.shots
    const [door] = worked.shots
    expect([thunder!.action, lightning!.action]).toEqual(['Thunder rolls.', 'Lightning flashes.'])
    expect(compareOrderKeys(thunder!.order, lightning!.order)).toBeLessThan(0)
    expect(compareOrderKeys(lightning!.order, door!.order)).toBeLessThan(0)
    // The run goes before the door shot (in a slot opened at the row's start); the second follows the first.
    expect(report.placeBefore.get(thunder!.id)).toBe(door!.id)
    expect(report.placeBefore.get(lightning!.id)).toBe(door!.id)
    expect(report.placeAfter.size).toBe(0)
  })

  it('keeps a scene the script no longer has and names its shots by their board numbers', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('EXT. QUAY - DAWN\n\nGulls wheel over the empty quay.\n\n', '').replace('Tom stands dripping on the mat.\n\n', '')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(plan.shots).toEqual([])
    expect(report.missingShots).toEqual([
      { id: worked.shots[1]!.id, number: '1.2' },
      { id: worked.shots[2]!.id, number: '2.1' },
    ])
  })

  it('leaves shots added on the board by hand out of the report', () => {
    const worked = workedBoard()
    const [door] = worked.shots
    worked.shots.push({ ...door!, id: 'shape:insert' as TLShapeId, order: `${door!.order}V` as IndexKey, title: 'Insert: her hand', action: '', dialogue: '' })
    const { plan, report } = revision(reviseShotPlan(worked, planOf(DRAFT)))
    expect(plan.shots).toEqual([])
    expect(report.missingShots).toEqual([])
  })

  it('matches a heading that appears twice in order', () => {
    const twice = `${DRAFT}\nINT. KITCHEN - NIGHT\n\nThe kettle is cold now.\n`
    const worked = planOf(twice)
    const { plan, report } = revision(reviseShotPlan(worked, planOf(twice.replace('is cold now', 'is stone cold now'))))
    expect(report).toMatchObject({ updatedShots: 1, addedShots: 0, addedScenes: 0 })
    expect(plan.shots).toEqual([{ ...worked.shots[4], action: 'The kettle is stone cold now.', title: 'The kettle is stone cold now.' }])
    expect(plan.scenes.map((scene) => scene.id)).toEqual([worked.scenes[3]!.id])
  })

  it('revises the shots before the first heading against the board\'s shots in no scene', () => {
    const opening = `Black screen. A clock ticks.\n\n${DRAFT}`
    const worked = planOf(opening)
    const { plan, report } = revision(reviseShotPlan(worked, planOf(opening.replace('A clock ticks.', 'A clock ticks loudly.'))))
    expect(report).toMatchObject({ updatedShots: 1, addedShots: 0 })
    expect(plan.shots).toEqual([expect.objectContaining({ id: worked.shots.find((shot) => shot.sceneId === null)!.id, sceneId: null, action: 'Black screen. A clock ticks loudly.' })])
  })

  it('keeps a scene whose heading the writer rewrote, by its shots, and gives it the new heading', () => {
    const worked = workedBoard()
    // A place typed by hand stays; the time of day still follows the slugline.
    worked.scenes[1]!.location = 'Old harbour wall'
    const revised = DRAFT.replace('INT. KITCHEN - NIGHT', 'INT. KITCHEN - DAY')
      .replace('EXT. QUAY - DAWN', 'EXT. PIER - DUSK')
      .replace('Gulls wheel over the empty quay.', 'Gulls wheel over the empty pier.')
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 1, updatedHeadings: 2, addedShots: 0, addedScenes: 0, missingShots: [], movedShots: [] })
    const [kitchen, quay] = worked.scenes
    expect(plan.scenes).toEqual([
      { ...kitchen, slugline: 'INT. KITCHEN - DAY', location: 'KITCHEN', timeOfDay: 'day' },
      { ...quay, slugline: 'EXT. PIER - DUSK', location: 'Old harbour wall', timeOfDay: 'dusk' },
    ])
    expect(plan.shots).toEqual([{ ...worked.shots[2], sceneId: quay!.id, action: 'Gulls wheel over the empty pier.', title: 'Gulls wheel over the empty pier.' }])
  })

  it('takes a scene whose heading and shots both changed for a new one', () => {
    const worked = workedBoard()
    const revised = DRAFT.replace('EXT. QUAY - DAWN\n\nGulls wheel over the empty quay.', 'EXT. PIER - DUSK\n\nA ferry docks in the fog.')
    const { report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedHeadings: 0, addedShots: 1, addedScenes: 1, movedShots: [] })
    expect(report.missingShots).toEqual([{ id: worked.shots[2]!.id, number: '2.1' }])
  })

  it('never takes a scene made on the board (no heading) for one whose heading changed', () => {
    const worked = workedBoard()
    worked.scenes[1]!.slugline = ''
    const { plan, report } = revision(reviseShotPlan(worked, planOf(DRAFT)))
    expect(report).toMatchObject({ updatedHeadings: 0, addedScenes: 1, addedShots: 1, movedShots: [], missingShots: [] })
    expect(plan.scenes.find((scene) => scene.id === worked.scenes[1]!.id)).toBeUndefined()
  })

  it('revises a board whose only scene heading was rewritten instead of importing it again', () => {
    const worked = planOf('INT. KITCHEN - NIGHT\n\nMary opens the door.\n\nTom stands dripping on the mat.\n')
    const result = reviseShotPlan(worked, planOf('INT. HALLWAY - NIGHT\n\nMary opens the door.\n\nTom stands dripping on the mat.\n'))
    expect(revision(result).report).toMatchObject({ updatedHeadings: 1, addedScenes: 0, addedShots: 0 })
  })

  it('moves a shot the writer moved to another scene, with what the team made', () => {
    const worked = workedBoard()
    const [door, mat, gulls] = worked.shots
    const revised = DRAFT.replace('Tom stands dripping on the mat.\n\n', '').replace(
      'Gulls wheel over the empty quay.',
      'Gulls wheel over the empty quay.\n\nTom stands dripping on the quay.',
    )
    const { plan, report } = revision(reviseShotPlan(worked, planOf(revised)))
    expect(report).toMatchObject({ updatedShots: 0, addedShots: 0, addedScenes: 0, missingShots: [] })
    expect(report.movedShots).toEqual([{ id: mat!.id, placement: { after: gulls!.id } }])
    // Its new words; its typed title, scene and place stay until the board moves it.
    expect(plan.shots).toEqual([{ ...mat, action: 'Tom stands dripping on the quay.' }])
    expect(report.placeAfter.size).toBe(0)
    // Moved to the start of a scene, and into a new scene.
    const intoNew = DRAFT.replace('Mary opens the door. Rain blows in.\n\nMARY\nYou came back.\n\n', '').replace(
      'INT. CAR - DAY\n',
      'EXT. ROAD - DAY\n\nMary opens the door. Rain blows in.\n\nMARY\nYou came back.\n\nINT. CAR - DAY\n\nGulls wheel over the empty quay.\n',
    ).replace('EXT. QUAY - DAWN\n\nGulls wheel over the empty quay.\n\n', '')
    const moved = revision(reviseShotPlan(worked, planOf(intoNew)))
    const road = moved.plan.scenes.find((scene) => scene.slugline === 'EXT. ROAD - DAY')!
    expect(moved.report).toMatchObject({ addedShots: 0, addedScenes: 1, missingShots: [] })
    expect(moved.report.movedShots).toEqual([
      { id: door!.id, placement: { sceneId: road.id, at: 'start' } },
      { id: gulls!.id, placement: { sceneId: worked.scenes[2]!.id, at: 'start' } },
    ])
  })

  it('reads sluglines alike whatever their case, spacing, dashes and scene numbers', () => {
    expect(sluglineKey('int.  kitchen – night #12A#')).toBe(sluglineKey('INT. KITCHEN - NIGHT'))
    expect(sluglineKey('12 INT. KITCHEN—NIGHT 12')).toBe(sluglineKey('INT. KITCHEN - NIGHT'))
    expect(sluglineKey('')).toBe('')
  })

  it('imports another script as a first import', () => {
    expect(reviseShotPlan(workedBoard(), planOf('INT. OFFICE - DAY\n\nPhones ring.\n')).kind).toBe('first-import')
    const empty: ShotPlan = { ...planOf(DRAFT), scenes: [], shots: [] }
    expect(reviseShotPlan(empty, planOf(DRAFT)).kind).toBe('first-import')
  })

  it('gets through a 5,000-shot scene rewritten from end to end', () => {
    const scene = (word: string) => `INT. HALL - DAY\n\n${Array.from({ length: 5000 }, (_, i) => `${word} ${i} moves.`).join('\n\n')}\n`
    const { report } = revision(reviseShotPlan(planOf(scene('Alpha')), planOf(scene('Beta'))))
    expect(report.addedShots + report.updatedShots).toBe(5000)
  })
})
