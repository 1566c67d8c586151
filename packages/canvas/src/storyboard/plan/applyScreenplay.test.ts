// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import { createBoardSettings, findBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { NEW_SHOT_GAP } from '../sequence/shotPlacementOnCanvas'
import { applyScreenplayPlan, revisionToastText } from './applyScreenplay'
import { planOf, shotsOf } from './testing/screenplayBoard'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

const DRAFT = `INT. KITCHEN - NIGHT

Mary opens the door.

Tom stands dripping on the mat.

EXT. QUAY - DAWN

Gulls wheel over the empty quay.
`

const scenes = (editor: Editor) => editor.store.allRecords().filter((record) => record.typeName === 'scene')

describe('importing a revised screenplay', () => {
  it('updates the board in one undo step, a new shot in the slot it opens after the shot it follows', async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    editor.store.put([createBoardSettings({ fps: 25, meta: { kept: true } })])
    expect((await applyScreenplayPlan(editor, planOf(editor, DRAFT))).kind).toBe('first-import')
    const door = shotsOf(editor).find((shot) => shot.props.action === 'Mary opens the door.')!
    const mat = shotsOf(editor).find((shot) => shot.props.action === 'Tom stands dripping on the mat.')!
    editor.updateShape<TLShotShape>({ id: door.id, type: 'shot', props: { duration: 9 } })
    const before = editor.store.allRecords()

    const revised = DRAFT.replace('Mary opens the door.', 'Mary opens the front door.\n\nA kettle whistles.').replace(
      'EXT. QUAY',
      'EXT. ROAD - DAY\n\nA car speeds past.\n\nEXT. QUAY',
    )
    const result = await applyScreenplayPlan(editor, planOf(editor, revised))
    expect(result.kind).toBe('revision')
    expect(findBoardSettings(editor.store.allRecords())).toEqual(createBoardSettings({ fps: 25, meta: { kept: true } }))
    expect(scenes(editor)).toHaveLength(3)
    expect(shotsOf(editor)).toHaveLength(5)
    expect(editor.getShape<TLShotShape>(door.id)!.props).toMatchObject({ action: 'Mary opens the front door.', title: 'Mary opens the front door.', duration: 9 })
    const kettle = shotsOf(editor).find((shot) => shot.props.action === 'A kettle whistles.')!
    // Between the door shot and the mat shot, as the script has it: the mat shot slides right to open the slot.
    const step = door.props.w + NEW_SHOT_GAP
    expect(kettle).toMatchObject({ x: door.x + step, y: door.y })
    expect(editor.getShape<TLShotShape>(mat.id)).toMatchObject({ x: door.x + 2 * step, y: door.y })

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it('puts a shot the script adds at the start of a scene at the start of its row, the rest sliding right, in one undo step', async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    const draft = 'INT. KITCHEN - NIGHT\n\nMary opens the door.\n\nTom stands dripping on the mat.\n'
    await applyScreenplayPlan(editor, planOf(editor, draft))
    const door = shotsOf(editor).find((shot) => shot.props.action === 'Mary opens the door.')!
    const mat = shotsOf(editor).find((shot) => shot.props.action === 'Tom stands dripping on the mat.')!
    const before = editor.store.allRecords()

    const result = await applyScreenplayPlan(editor, planOf(editor, draft.replace('Mary opens', 'Thunder rolls.\n\nLightning flashes.\n\nMary opens')))
    expect(result.kind === 'revision' && revisionToastText(result.report).title).toBe('Added 2 shots.')
    const thunder = shotsOf(editor).find((shot) => shot.props.action === 'Thunder rolls.')!
    const lightning = shotsOf(editor).find((shot) => shot.props.action === 'Lightning flashes.')!
    const step = door.props.w + NEW_SHOT_GAP
    expect(thunder).toMatchObject({ x: door.x, y: door.y })
    expect(lightning).toMatchObject({ x: door.x + step, y: door.y })
    expect(editor.getShape<TLShotShape>(door.id)).toMatchObject({ x: door.x + 2 * step, y: door.y })
    expect(editor.getShape<TLShotShape>(mat.id)).toMatchObject({ x: mat.x + 2 * step, y: mat.y })
    // The strip reads as the script does.
    const inOrder = [...shotsOf(editor)].sort((a, b) => (a.props.order < b.props.order ? -1 : 1)).map((shot) => shot.props.action)
    expect(inOrder).toEqual(['Thunder rolls.', 'Lightning flashes.', 'Mary opens the door.', 'Tom stands dripping on the mat.'])

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it('gives a scene its rewritten heading and moves a shot the writer moved, in the same undo step', async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    await applyScreenplayPlan(editor, planOf(editor, DRAFT))
    const mat = shotsOf(editor).find((shot) => shot.props.action === 'Tom stands dripping on the mat.')!
    const gulls = shotsOf(editor).find((shot) => shot.props.action === 'Gulls wheel over the empty quay.')!
    editor.updateShape<TLShotShape>({ id: mat.id, type: 'shot', props: { duration: 9 } })
    const before = editor.store.allRecords()

    const revised = DRAFT.replace('INT. KITCHEN - NIGHT', 'INT. KITCHEN - DAY')
      .replace('Tom stands dripping on the mat.\n\n', '')
      .replace('the empty quay.', 'the empty quay.\n\nTom stands dripping on the quay.')
    const result = await applyScreenplayPlan(editor, planOf(editor, revised))
    expect(result.kind === 'revision' && revisionToastText(result.report).title).toBe('Updated 1 scene heading, moved 1 shot.')
    expect(scenes(editor).map((scene) => scene.slugline).sort()).toEqual(['EXT. QUAY - DAWN', 'INT. KITCHEN - DAY'])
    expect(scenes(editor).find((scene) => scene.slugline === 'INT. KITCHEN - DAY')).toMatchObject({ location: 'KITCHEN', timeOfDay: 'day' })
    expect(shotsOf(editor)).toHaveLength(3)
    const moved = editor.getShape<TLShotShape>(mat.id)!
    expect(moved.props).toMatchObject({ sceneId: gulls.props.sceneId, action: 'Tom stands dripping on the quay.', duration: 9 })
    expect(moved.props.order > gulls.props.order).toBe(true)
    // On the canvas beside the shot it now follows, as the strip's move into a scene puts it.
    expect(moved.y).toBe(gulls.y)
    expect(moved.x).toBe(gulls.x + gulls.props.w + NEW_SHOT_GAP)
    expect(result.summary.shotIds).toContain(mat.id)

    editor.undo()
    expect(editor.store.allRecords()).toEqual(before)
  })

  it("keeps the words the team typed on a shot over the import's, and says so when the script changed them too", async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    await applyScreenplayPlan(editor, planOf(editor, DRAFT))
    const door = shotsOf(editor).find((shot) => shot.props.action === 'Mary opens the door.')!
    const mat = shotsOf(editor).find((shot) => shot.props.action === 'Tom stands dripping on the mat.')!
    const gulls = shotsOf(editor).find((shot) => shot.props.action === 'Gulls wheel over the empty quay.')!
    // The team rewrites two actions by hand; the writer then rewrites one of them, and another.
    editor.updateShape<TLShotShape>({ id: door.id, type: 'shot', props: { action: 'Mary flings the door open, wind howling.' } })
    editor.updateShape<TLShotShape>({ id: mat.id, type: 'shot', props: { action: 'Tom drips on the mat, shivering.' } })
    const revised = DRAFT.replace('Mary opens the door.', 'Mary opens the door slowly.').replace('the empty quay.', 'the quay at dawn.')

    const result = await applyScreenplayPlan(editor, planOf(editor, revised))
    expect(editor.getShape<TLShotShape>(door.id)!.props.action).toBe('Mary flings the door open, wind howling.')
    expect(editor.getShape<TLShotShape>(mat.id)!.props.action).toBe('Tom drips on the mat, shivering.')
    // Words the team did not touch follow the script, title and all.
    expect(editor.getShape<TLShotShape>(gulls.id)!.props).toMatchObject({ action: 'Gulls wheel over the quay at dawn.', title: 'Gulls wheel over the quay at dawn.' })
    expect(result.kind === 'revision' && revisionToastText(result.report)).toMatchObject({
      title: 'Updated 1 shot.',
      kept: 'Kept the words typed on the board on 1 shot the script also changed: 1.1',
    })

    // The next import of the same draft has nothing to say about them: the board already follows it.
    const again = await applyScreenplayPlan(editor, planOf(editor, revised))
    expect(again.kind === 'revision' && revisionToastText(again.report)).toEqual({ title: 'The board already follows this script.', missing: null, kept: null })
    expect(editor.getShape<TLShotShape>(door.id)!.props.action).toBe('Mary flings the door open, wind howling.')
  })

  it('says what a revision did and names the shots no longer in the script', () => {
    const missing = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `shape:${i}` as TLShapeId, number: `3.${i + 1}` }))
    const report = {
      updatedShots: 3,
      updatedHeadings: 0,
      addedShots: 2,
      addedScenes: 1,
      missingShots: missing(2),
      movedShots: [],
      placeAfter: new Map(),
      placeBefore: new Map(),
      keptEdits: [],
      scriptWords: new Map(),
    }
    expect(revisionToastText(report)).toEqual({
      title: 'Updated 3 shots, added 2 shots and 1 scene.',
      missing: '2 shots are no longer in the script: 3.1, 3.2',
      kept: null,
    })
    expect(revisionToastText({ ...report, keptEdits: missing(2) }).kept).toBe('Kept the words typed on the board on 2 shots the script also changed: 3.1, 3.2')
    const moves = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `shape:m${i}` as TLShapeId, placement: { after: 'shape:0' } }))
    expect(revisionToastText({ ...report, updatedHeadings: 1, movedShots: moves(1) }).title).toBe('Updated 3 shots and 1 scene heading, moved 1 shot, added 2 shots and 1 scene.')
    expect(revisionToastText({ ...report, updatedShots: 0, updatedHeadings: 2, addedShots: 0, addedScenes: 0, movedShots: moves(2) }).title).toBe(
      'Updated 2 scene headings, moved 2 shots.',
    )
    expect(revisionToastText({ ...report, updatedShots: 1, addedShots: 0, addedScenes: 0, missingShots: missing(1) })).toEqual({
      title: 'Updated 1 shot.',
      missing: '1 shot is no longer in the script: 3.1',
      kept: null,
    })
    expect(revisionToastText({ ...report, updatedShots: 0, addedShots: 0, addedScenes: 0, missingShots: missing(14) }).missing).toMatch(/3\.12 and 2 more$/)
    expect(revisionToastText({ ...report, updatedShots: 0, addedShots: 0, addedScenes: 0, missingShots: [] })).toEqual({
      title: 'The board already follows this script.',
      missing: null,
      kept: null,
    })
  })
})
