// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { newShotAfterSelection } from '../sequence/sequenceCommands'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { addScene, startNewScene, updateScene, updateSlugline } from './sceneCommands'

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

it('a slugline typed into a scene fills its empty location (as typed) and time of day, one undo takes it all back, and what was set by hand stays', () => {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const harbour = addScene(editor, { name: 'Harbour' })
  const timeOf = (id: SceneId) => editor.store.get(id)!.timeOfDay
  editor.markHistoryStoppingPoint('edit scene')
  for (const slugline of ['EXT. HAR', 'EXT. HARBOUR –', 'EXT. HARBOUR – NIGH', 'EXT. HARBOUR – NIGHT']) updateSlugline(editor, harbour, slugline)
  expect(editor.store.get(harbour)).toMatchObject({ location: 'HARBOUR', timeOfDay: 'night' })
  editor.undo()
  expect(editor.store.get(harbour)).toMatchObject({ slugline: '', location: '', timeOfDay: null })

  // A time of day picked by hand stays, whatever the slugline says.
  const docks = addScene(editor, { name: 'Docks' })
  updateScene(editor, docks, { timeOfDay: 'dawn' })
  updateSlugline(editor, docks, 'INT./EXT. DOCKS - DAY')
  expect(timeOf(docks)).toBe('dawn')

  // So does a location typed by hand, once the slugline had filled it.
  const hall = addScene(editor, { name: 'Hall' })
  updateSlugline(editor, hall, 'INT. HALL - DAY')
  updateScene(editor, hall, { location: 'Grand hall' })
  updateSlugline(editor, hall, 'INT. LANDING - DAY')
  expect(editor.store.get(hall)).toMatchObject({ location: 'Grand hall', timeOfDay: 'day' })
})
