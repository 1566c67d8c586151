// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { startNewScene } from '../scenes/sceneCommands'
import { insertShot, newShotAfterSelection } from './sequenceCommands'
import { SCENE_ROW_GAP } from './shotPlacementOnCanvas'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function board(): Editor {
  const editor = headlessBoardEditor()
  editors.push(editor)
  return editor
}

const shot = (editor: Editor, id: TLShapeId) => editor.getShape<TLShotShape>(id)!
const bottom = (s: TLShotShape) => s.y + s.props.h

/** A scene of `count` shots made as a user does: "+ Scene", then new shot after new shot. */
function sceneOfShots(editor: Editor, count: number): TLShapeId[] {
  startNewScene(editor)
  return Array.from({ length: count }, () => newShotAfterSelection(editor))
}

describe("a new scene's first shot starts a row of its own", () => {
  it('goes below the previous scene, left-aligned with the first shot, not mid-view in the same row', () => {
    const editor = board()
    const [first] = sceneOfShots(editor, 3)
    // The view has followed the row to its last shot, as it does while adding shots.
    const [second] = sceneOfShots(editor, 1)
    const a = shot(editor, first!)
    const b = shot(editor, second!)
    expect(b.x).toBe(a.x)
    expect(b.y).toBe(bottom(a) + SCENE_ROW_GAP)
  })

  it('each further scene goes below the one before, so the board reads one row per scene', () => {
    const editor = board()
    const [one] = sceneOfShots(editor, 2)
    const [two] = sceneOfShots(editor, 2)
    const [three] = sceneOfShots(editor, 2)
    const [a, b, c] = [one!, two!, three!].map((id) => shot(editor, id))
    expect([b!.x, c!.x]).toEqual([a!.x, a!.x])
    expect(b!.y).toBe(bottom(a!) + SCENE_ROW_GAP)
    expect(c!.y).toBe(bottom(b!) + SCENE_ROW_GAP)
  })

  it('where the user moved shots around, goes below the lowest shot of the previous scene', () => {
    const editor = board()
    const [first, , last] = sceneOfShots(editor, 3)
    editor.updateShape({ id: last!, type: 'shot', x: 5000, y: 900 })
    const [next] = sceneOfShots(editor, 1)
    const n = shot(editor, next!)
    expect(n.x).toBe(shot(editor, first!).x)
    expect(n.y).toBe(bottom(shot(editor, last!)) + SCENE_ROW_GAP)
  })

  it('does not land on shots already below the previous scene', () => {
    const editor = board()
    const [first] = sceneOfShots(editor, 1)
    const a = shot(editor, first!)
    // An unassigned shot the user left just below scene 1.
    const stray = insertShot(editor, { sceneId: null, at: 'end' })
    editor.updateShape({ id: stray, type: 'shot', x: a.x + 40, y: bottom(a) + SCENE_ROW_GAP + 20 })
    const [next] = sceneOfShots(editor, 1)
    const n = shot(editor, next!)
    expect(n.x).toBe(a.x)
    expect(n.y).toBe(bottom(shot(editor, stray)) + SCENE_ROW_GAP)
  })
})
