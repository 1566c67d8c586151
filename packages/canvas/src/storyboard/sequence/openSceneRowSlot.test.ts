// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { Editor } from 'tldraw'
import { boardSequenceModel } from './boardSequenceModel'
import { openSceneRowSlot } from './openSceneRowSlot'
import { SCENE_ROW_GAP } from './shotPlacementOnCanvas'
import { at, board, sceneOfShots, shot } from './testing/sceneRows'

const sequenceOf = (editor: Editor) => boardSequenceModel(editor).get().sequence
const sceneIdOf = (editor: Editor, id: Parameters<typeof shot>[1]) => shot(editor, id).props.sceneId!

describe('opening a row for a new scene before a scene', () => {
  it("moves that scene's rows and those under them down by the block and a scene gap, and says where the slot is", () => {
    const editor = board()
    const [one] = sceneOfShots(editor, 2)
    const [two, twoEnd] = sceneOfShots(editor, 2)
    const [three] = sceneOfShots(editor, 1)
    const [was1, was2, wasEnd, was3] = [one!, two!, twoEnd!, three!].map((id) => at(editor, id))

    expect(openSceneRowSlot(editor, sequenceOf(editor), sceneIdOf(editor, two!), { w: 900, h: 300 })).toEqual(was2)
    const dy = 300 + SCENE_ROW_GAP
    expect([one!, two!, twoEnd!, three!].map((id) => at(editor, id))).toEqual([
      was1,
      { x: was2!.x, y: was2!.y + dy },
      { x: wasEnd!.x, y: wasEnd!.y + dy },
      { x: was3!.x, y: was3!.y + dy },
    ])
  })

  it('moves nothing when a shot to move is locked', () => {
    const editor = board()
    sceneOfShots(editor, 1)
    const [two] = sceneOfShots(editor, 1)
    const [three] = sceneOfShots(editor, 1)
    editor.updateShape({ id: three!, type: 'shot', isLocked: true })
    const before = editor.store.allRecords()

    expect(openSceneRowSlot(editor, sequenceOf(editor), sceneIdOf(editor, two!), { w: 320, h: 180 })).toBeNull()
    expect(editor.store.allRecords()).toEqual(before)
  })
})
