import { describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId, type IndexKey } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { buildBoardSequenceModel } from '../sequence/boardSequenceModel'
import { findShots } from './findShots'

const page = PageRecordType.createId('main')

/** Two scenes (added in reverse order, so store order is not sequence order) and a shot in no scene. */
function board(numbering: 'decimal' | 'letter' = 'decimal') {
  const quay = createScene({ order: 'a2' as IndexKey, name: 'Quay', slugline: 'EXT. HARBOUR – NIGHT' })
  const cafe = createScene({ order: 'a1' as IndexKey, name: 'Café Noir' })
  const shot = (id: string, sceneId: ShotShapeProps['sceneId'], order: string, props: Partial<ShotShapeProps> = {}) =>
    createShotShape({ id: createShapeId(id), parentId: page, index: 'a1' as IndexKey, props: { sceneId, order: order as IndexKey, ...props } })
  const shots = [
    shot('loose', null, 'a1', { title: 'Insert: the letter', camera: { shotSize: 'ecu', angle: 'overhead', lensMm: 100, movement: 'static' } }),
    shot('q2', quay.id, 'a2', { title: 'She opens the door', action: 'Élise ÖFFNET the door slowly', status: 'approved', camera: { shotSize: 'cu', angle: 'low', lensMm: 50, movement: 'dolly-in' } }),
    shot('q1', quay.id, 'a1', { title: 'Boats', dialogue: 'Where is the letter?', camera: { shotSize: 'two-shot', angle: 'eye-level', lensMm: 24, movement: 'pan' } }),
    shot('c1', cafe.id, 'a1', { title: 'Espresso', action: 'Steam rises', status: 'in-review', camera: { shotSize: 'mcu', angle: 'dutch', lensMm: 35, movement: 'handheld' } }),
  ]
  return buildBoardSequenceModel([quay, cafe], shots, createBoardSettings({ numbering }))
}

const id = (key: string) => createShapeId(key) as string

describe('finding shots', () => {
  it('finds a shot by its number as the board shows it, and a scene by its part of the number', () => {
    expect(findShots(board(), '2.2')).toEqual([id('q2')])
    expect(findShots(board(), '0.1')).toEqual([id('loose')])
    expect(findShots(board(), '2')).toEqual([id('q1'), id('q2')])
    expect(findShots(board('letter'), '2b')).toEqual([id('q2')])
    expect(findShots(board('letter'), '2B')).toEqual([id('q2')])
    // "1" is scene 1's shots, not the 1 that starts another number.
    expect(findShots(board(), '1.1')).toEqual([id('c1')])
  })

  it('ignores case and accents, in the query and on the board', () => {
    expect(findShots(board(), 'elise')).toEqual([id('q2')])
    expect(findShots(board(), 'offnet')).toEqual([id('q2')])
    expect(findShots(board(), 'ÉLISE')).toEqual([id('q2')])
    expect(findShots(board(), 'cafe')).toEqual([id('c1')])
  })

  it('lists every shot of a scene whose name or slugline matches', () => {
    expect(findShots(board(), 'harbour')).toEqual([id('q1'), id('q2')])
    expect(findShots(board(), 'café noir')).toEqual([id('c1')])
  })

  it('gives matches in sequence order, each word found anywhere in the shot', () => {
    expect(findShots(board(), 'letter')).toEqual([id('q1'), id('loose')])
    expect(findShots(board(), 'door opens')).toEqual([id('q2')])
    expect(findShots(board(), 'door espresso')).toEqual([])
    expect(findShots(board(), '  ')).toEqual([])
  })

  it('finds a shot by its shot size (abbreviation or name), angle, movement, lens and review status', () => {
    // An abbreviation is a whole word: CU is not the CU in MCU or ECU.
    expect(findShots(board(), 'CU')).toEqual([id('q2')])
    expect(findShots(board(), 'mcu')).toEqual([id('c1')])
    // Every kind of close-up: medium, plain and extreme.
    expect(findShots(board(), 'close-up')).toEqual([id('c1'), id('q2'), id('loose')])
    expect(findShots(board(), 'extreme close')).toEqual([id('loose')])
    // Names match from the start of a word: "up" ends "close-up", "ee" starts nothing.
    expect(findShots(board(), 'up')).toEqual([id('c1'), id('q2'), id('loose')])
    expect(findShots(board(), 'ee')).toEqual([])
    expect(findShots(board(), 'dutch')).toEqual([id('c1')])
    expect(findShots(board(), "bird's-eye")).toEqual([id('loose')])
    expect(findShots(board(), 'dolly')).toEqual([id('q2')])
    expect(findShots(board(), 'handheld')).toEqual([id('c1')])
    expect(findShots(board(), '50mm')).toEqual([id('q2')])
    expect(findShots(board(), 'approved')).toEqual([id('q2')])
    expect(findShots(board(), 'review')).toEqual([id('c1')])
    expect(findShots(board(), 'draft')).toEqual([id('q1'), id('loose')])
    // With other words, each found somewhere: the approved close-up with a door.
    expect(findShots(board(), 'cu approved door')).toEqual([id('q2')])
    expect(findShots(board(), 'cu espresso')).toEqual([])
  })

  it('finds the shots too short for their dialogue by "too short" or "short"', () => {
    const model = board()
    const q1 = model.sequence.entries.find((entry) => entry.shot.id === id('q1'))!.shot
    // Ten words take 4 s; the shot lasts 3.
    const props = { ...q1.props, dialogue: 'MARY: (quietly) Where is the letter I wrote you last winter, Tom?' }
    const withLongDialogue = { ...model, sequence: { ...model.sequence, entries: model.sequence.entries.map((e) => (e.shot === q1 ? { ...e, shot: { ...q1, props } } : e)) } }
    expect(findShots(withLongDialogue, 'too short')).toEqual([id('q1')])
    expect(findShots(withLongDialogue, 'short')).toEqual([id('q1')])
    expect(findShots(board(), 'short')).toEqual([])
  })

  it('keeps a number a number: the lens and a two-shot (2S) do not answer for scene 2', () => {
    expect(findShots(board(), '2')).toEqual([id('q1'), id('q2')])
    expect(findShots(board(), '24')).toEqual([])
    expect(findShots(board(), '2s')).toEqual([id('q1')])
  })
})

describe('finding shots by who draws them', () => {
  const names = new Map([
    ['ada-id', 'Ada Lovelace'],
    ['ben-id', 'Ben Müller'],
  ])
  const people = (me: string | null) => ({ nameOf: (id: string) => names.get(id) ?? 'Former member', me })
  /** The board above with q1 and loose assigned to Ben, c1 to Ada and q2 to someone no longer a member. */
  function assigned() {
    const model = board()
    const to = new Map([
      [id('q1'), 'ben-id'],
      [id('loose'), 'ben-id'],
      [id('c1'), 'ada-id'],
      [id('q2'), 'gone-id'],
    ])
    const entries = model.sequence.entries.map((e) => ({ ...e, shot: { ...e.shot, props: { ...e.shot.props, assigneeId: to.get(e.shot.id) ?? null } } }))
    return { ...model, sequence: { ...model.sequence, entries } }
  }

  it('finds the shots assigned to someone by their name, from the start of a word, case and accents ignored', () => {
    expect(findShots(assigned(), 'ada', people(null))).toEqual([id('c1')])
    expect(findShots(assigned(), 'lovelace', people(null))).toEqual([id('c1')])
    expect(findShots(assigned(), 'muller', people(null))).toEqual([id('q1'), id('loose')])
    expect(findShots(assigned(), 'ben letter', people(null))).toEqual([id('q1'), id('loose')])
    // Not from inside a word: "da" is no one's name.
    expect(findShots(assigned(), 'da', people(null))).toEqual([])
    expect(findShots(assigned(), 'former member', people(null))).toEqual([id('q2')])
    // Without names (nobody known), nothing is found by a name.
    expect(findShots(assigned(), 'ada')).toEqual([])
  })

  it('finds the shots assigned to you with "mine"', () => {
    expect(findShots(assigned(), 'mine', people('ben-id'))).toEqual([id('q1'), id('loose')])
    expect(findShots(assigned(), 'MINE letter', people('ben-id'))).toEqual([id('q1'), id('loose')])
    expect(findShots(assigned(), 'mine', people('ada-id'))).toEqual([id('c1')])
    // Signed out (local mode) or assigned nothing: "mine" is only a word, found in none of these shots.
    expect(findShots(assigned(), 'mine', people(null))).toEqual([])
    expect(findShots(assigned(), 'mine', people('someone-else'))).toEqual([])
  })
})
