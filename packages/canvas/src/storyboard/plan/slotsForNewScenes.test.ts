// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { createShapeId, type Editor } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { SCENE_ROW_GAP } from '../sequence/shotPlacementOnCanvas'
import { at, board, dressShot } from '../sequence/testing/sceneRows'
import { applyScreenplayPlan, revisionToastText } from './applyScreenplay'
import { planOf, shotsOf, shotWithAction } from './testing/screenplayBoard'

const DRAFT = `INT. KITCHEN - NIGHT

Mary opens the door.

Tom stands dripping on the mat.

EXT. QUAY - DAWN

Gulls wheel over the empty quay.

EXT. PIER - DAY

A boat ties up.
`
const [DOOR, MAT, GULLS, BOAT] = ['Mary opens the door.', 'Tom stands dripping on the mat.', 'Gulls wheel over the empty quay.', 'A boat ties up.']

/** A board holding the first draft, imported. */
async function boardWithDraft(): Promise<Editor> {
  const editor = board()
  await applyScreenplayPlan(editor, planOf(editor, DRAFT))
  return editor
}

/** Imports `revised` into the board and says what its toast title says. */
async function revise(editor: Editor, revised: string): Promise<string> {
  const result = await applyScreenplayPlan(editor, planOf(editor, revised))
  return result.kind === 'revision' ? revisionToastText(result.report).title : 'first import'
}

const places = (editor: Editor) => new Map(shotsOf(editor).map((shot) => [shot.props.action, { x: shot.x, y: shot.y }]))
const below = (shot: TLShotShape) => shot.y + shot.props.h + SCENE_ROW_GAP

describe("a new scene in a revised screenplay takes its place among the board's rows", () => {
  it('goes where the scene after it was, the rows after it moving down with what they carry, in one undo step', async () => {
    const editor = await boardWithDraft()
    const gulls = shotWithAction(editor, GULLS)
    const { image } = dressShot(editor, gulls.id)
    // A drawing beside the quay row, not part of any scene's row: it stays where it is.
    const note = createShapeId()
    editor.createShape({ id: note, type: 'geo', x: 4000, y: gulls.y, props: { w: 200, h: 100 } })
    const [was, imageWas] = [places(editor), at(editor, image)]
    const before = editor.store.allRecords()

    expect(await revise(editor, DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY'))).toBe('Added 1 shot and 1 scene.')
    const car = shotWithAction(editor, 'A car speeds past.')
    expect({ x: car.x, y: car.y }).toEqual(was.get(GULLS))
    const dy = below(car) - was.get(GULLS)!.y
    expect(places(editor)).toEqual(
      new Map([
        [DOOR, was.get(DOOR)],
        [MAT, was.get(MAT)],
        [GULLS, { x: was.get(GULLS)!.x, y: was.get(GULLS)!.y + dy }],
        [BOAT, { x: was.get(BOAT)!.x, y: was.get(BOAT)!.y + dy }],
        ['A car speeds past.', { x: car.x, y: car.y }],
      ]),
    )
    expect(at(editor, image)).toEqual({ x: imageWas.x, y: imageWas.y + dy })
    expect(at(editor, note)).toEqual({ x: 4000, y: was.get(GULLS)!.y })

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it('goes where the scene after it is on a board the user moved elsewhere, not where the script lays it out', async () => {
    const editor = await boardWithDraft()
    editor.updateShapes(shotsOf(editor).map((shot) => ({ id: shot.id, type: 'shot', x: shot.x + 500, y: shot.y + 2000 })))
    const was = places(editor)

    await revise(editor, DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY'))
    const car = shotWithAction(editor, 'A car speeds past.')
    expect({ x: car.x, y: car.y }).toEqual(was.get(GULLS))
    expect(places(editor).get(GULLS)).toEqual({ x: was.get(GULLS)!.x, y: below(car) })
  })

  it('at the very start of the script, takes the first scene’s place, every row moving down', async () => {
    const editor = await boardWithDraft()
    const was = places(editor)

    await revise(editor, `EXT. ROAD - DAY\n\nA car speeds past.\n\n${DRAFT}`)
    const car = shotWithAction(editor, 'A car speeds past.')
    expect({ x: car.x, y: car.y }).toEqual(was.get(DOOR))
    const dy = below(car) - was.get(DOOR)!.y
    for (const action of [DOOR, MAT, GULLS, BOAT]) expect(places(editor).get(action)).toEqual({ x: was.get(action)!.x, y: was.get(action)!.y + dy })
  })

  it('several new scenes each go where the script has them, the board reading one row per scene top to bottom', async () => {
    const editor = await boardWithDraft()
    const was = places(editor)

    const revised = DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nA bus follows.\n\nEXT. BRIDGE - DAY\n\nA train crosses.\n\nEXT. QUAY').replace(
      'EXT. PIER',
      'EXT. DOCK - DAY\n\nA crane swings.\n\nEXT. PIER',
    )
    expect(await revise(editor, revised)).toBe('Added 4 shots and 3 scenes.')
    expect(shotWithAction(editor, 'A car speeds past.')).toMatchObject(was.get(GULLS)!)
    const rows = [DOOR, 'A car speeds past.', 'A train crosses.', GULLS, 'A crane swings.', BOAT].map((action) => shotWithAction(editor, action))
    rows.slice(1).forEach((row, i) => expect(row.y).toBe(below(rows[i]!)))
    expect(shotWithAction(editor, 'A bus follows.').y).toBe(rows[1]!.y)
    expect(new Set(shotsOf(editor).map((shot) => shot.x))).toEqual(new Set([was.get(DOOR)!.x, was.get(MAT)!.x]))
  })

  it('gives a new scene the writer made of a shot moved from another scene its place among the rows too, in one undo step', async () => {
    const editor = await boardWithDraft()
    const was = places(editor)
    const before = editor.store.allRecords()

    const revised = DRAFT.replace(`${MAT}\n\n`, '').replace('EXT. QUAY', `EXT. ROAD - DAY\n\n${MAT}\n\nEXT. QUAY`)
    expect(await revise(editor, revised)).toBe('Moved 1 shot, added 1 scene.')
    // Where the quay row was, the quay and pier rows moving down for it: not below the board.
    const mat = shotWithAction(editor, MAT)
    expect({ x: mat.x, y: mat.y }).toEqual({ x: was.get(DOOR)!.x, y: was.get(GULLS)!.y })
    const dy = below(mat) - was.get(GULLS)!.y
    expect(places(editor).get(GULLS)).toEqual({ x: was.get(GULLS)!.x, y: was.get(GULLS)!.y + dy })
    expect(places(editor).get(BOAT)).toEqual({ x: was.get(BOAT)!.x, y: was.get(BOAT)!.y + dy })
    expect(places(editor).get(DOOR)).toEqual(was.get(DOOR))

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it('keeps script order in a run where a scene of moved shots comes before a scene of new ones', async () => {
    const editor = await boardWithDraft()
    const was = places(editor)

    const revised = DRAFT.replace(`${MAT}\n\n`, '').replace('EXT. QUAY', `EXT. ROAD - DAY\n\n${MAT}\n\nEXT. BRIDGE - DAY\n\nA train crosses.\n\nEXT. QUAY`)
    await revise(editor, revised)
    // Kitchen, road (the moved shot), bridge (the new one), quay, pier: one row each, top to bottom.
    const rows = [DOOR, MAT, 'A train crosses.', GULLS, BOAT].map((action) => shotWithAction(editor, action))
    expect(rows[1]!.y).toBe(was.get(GULLS)!.y)
    rows.slice(1).forEach((row, i) => expect(row.y).toBe(below(rows[i]!)))
  })

  it('keeps script order in a run where a scene of moved shots comes between two scenes of new ones', async () => {
    const editor = await boardWithDraft()

    const revised = DRAFT.replace(`${MAT}\n\n`, '').replace(
      'EXT. QUAY',
      `EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. LANE - DAY\n\n${MAT}\n\nEXT. BRIDGE - DAY\n\nA train crosses.\n\nEXT. QUAY`,
    )
    await revise(editor, revised)
    const rows = [DOOR, 'A car speeds past.', MAT, 'A train crosses.', GULLS, BOAT].map((action) => shotWithAction(editor, action))
    rows.slice(1).forEach((row, i) => expect(row.y).toBe(below(rows[i]!)))
  })

  it('leaves a row the user moved away from the others where they put it', async () => {
    const editor = await boardWithDraft()
    const boat = shotWithAction(editor, BOAT)
    // The pier row, dragged up beside the kitchen's.
    editor.updateShape<TLShotShape>({ id: boat.id, type: 'shot', x: 3000, y: shotWithAction(editor, DOOR).y })
    const was = places(editor)

    await revise(editor, DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY'))
    const car = shotWithAction(editor, 'A car speeds past.')
    expect({ x: car.x, y: car.y }).toEqual(was.get(GULLS))
    expect(places(editor).get(GULLS)).toEqual({ x: was.get(GULLS)!.x, y: below(car) })
    expect(places(editor).get(BOAT)).toEqual(was.get(BOAT))
  })

  it('moves a drawing in the gap above the row it opens before down with that row, so it stays above it', async () => {
    const editor = await boardWithDraft()
    const door = shotWithAction(editor, DOOR)
    // A note drawn between the kitchen row and the quay row, and one under the pier row.
    const [gap, under] = [createShapeId(), createShapeId()]
    editor.createShape({ id: gap, type: 'geo', x: door.x + 20, y: door.y + door.props.h + 40, props: { w: 200, h: 60 } })
    const boat = shotWithAction(editor, BOAT)
    editor.createShape({ id: under, type: 'geo', x: boat.x, y: boat.y + boat.props.h + 200, props: { w: 200, h: 60 } })
    const [gapWas, underWas] = [at(editor, gap), at(editor, under)]
    const before = editor.store.allRecords()

    await revise(editor, DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY'))
    const car = shotWithAction(editor, 'A car speeds past.')
    const dy = below(car) - car.y
    expect(at(editor, gap)).toEqual({ x: gapWas.x, y: gapWas.y + dy })
    expect(at(editor, gap).y).toBeGreaterThan(car.y + car.props.h)
    expect(at(editor, gap).y).toBeLessThan(shotWithAction(editor, GULLS).y)
    expect(at(editor, under)).toEqual({ x: underWas.x, y: underWas.y + dy })

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it('goes below the board, moving nothing, when the rows could only move down over a locked drawing', async () => {
    const editor = await boardWithDraft()
    // A locked drawing under the last row, where that row would move to.
    const boat = shotWithAction(editor, BOAT)
    editor.createShape({ id: createShapeId(), type: 'geo', isLocked: true, x: boat.x, y: boat.y + boat.props.h + 200, props: { w: 200, h: 60 } })
    const was = places(editor)
    const bottom = Math.max(...editor.getCurrentPageShapes().map((shape) => editor.getShapePageBounds(shape)!.maxY))

    await revise(editor, DRAFT.replace('EXT. QUAY', 'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY'))
    for (const action of [DOOR, MAT, GULLS, BOAT]) expect(places(editor).get(action)).toEqual(was.get(action))
    expect(shotWithAction(editor, 'A car speeds past.').y).toBeGreaterThan(bottom)
  })
})
