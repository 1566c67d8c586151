// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { newShotAfterSelection } from '../sequence/sequenceCommands'
import { addScene, startNewScene } from './sceneCommands'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function sceneOf(editor: Editor, id: TLShapeId): string | null {
  return editor.getShape<TLShotShape>(id)!.props.sceneId
}

it('after "+ Scene", the next new shot starts the new scene, not the one whose shot was selected', () => {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const chase = addScene(editor, { name: 'Chase' })
  const first = newShotAfterSelection(editor)
  expect(sceneOf(editor, first)).toBe(chase)
  expect(editor.getSelectedShapeIds()).toEqual([first])

  const rooftops = startNewScene(editor)
  const second = newShotAfterSelection(editor)
  expect(sceneOf(editor, second)).toBe(rooftops)
  // And the one after follows it there.
  expect(sceneOf(editor, newShotAfterSelection(editor))).toBe(rooftops)
})
