// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import { createShapeId, defaultBindingUtils, defaultShapeUtils, Editor } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardBindingUtils, boardShapeUtils } from '../../board/boardUtils'
import { PAGE_ID, boardStore } from '../../sync/testing/boardFixtures'
import { setShotSound, setShotSoundVolume } from './setShotSound'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function withShot() {
  const editor = new Editor({
    store: boardStore(),
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: [...defaultBindingUtils, ...boardBindingUtils],
    tools: [],
    getContainer: () => document.body,
  })
  editors.push(editor)
  editor.createPage({ id: PAGE_ID, name: 'Page 1' })
  editor.setCurrentPage(PAGE_ID)
  const shot = createShapeId()
  editor.createShape<TLShotShape>({ id: shot, type: 'shot', x: 0, y: 0, props: { title: 'Door' } })
  return { editor, shot }
}

const sound = { src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line-12.wav', duration: 2.4 }
const soundOf = (editor: Editor, shot: TLShotShape['id']) => editor.getShape<TLShotShape>(shot)?.props.sound

it('adds a sound as one undo step, and its removal as another', () => {
  const { editor, shot } = withShot()
  editor.updateShape<TLShotShape>({ id: shot, type: 'shot', props: { title: 'Door, night' } })
  setShotSound(editor, shot, sound)
  expect(soundOf(editor, shot)).toEqual(sound)
  setShotSound(editor, shot, null)
  expect(soundOf(editor, shot)).toBeNull()
  editor.undo()
  expect(soundOf(editor, shot)).toEqual(sound)
  editor.undo()
  expect(soundOf(editor, shot)).toBeNull()
  // The title typed before it is another step.
  expect(editor.getShape<TLShotShape>(shot)?.props.title).toBe('Door, night')
})

const volumeOf = (editor: Editor, shot: TLShotShape['id']) => editor.getShape<TLShotShape>(shot)?.props.soundVolume

it('keeps the Volume when the sound is replaced, and puts it back to full when the sound is removed', () => {
  const { editor, shot } = withShot()
  setShotSound(editor, shot, sound)
  setShotSoundVolume(editor, shot, 0.4)
  // A better take of the same line: it plays as quietly as the one it replaces.
  setShotSound(editor, shot, { ...sound, name: 'line-12-take2.wav' })
  expect(volumeOf(editor, shot)).toBe(0.4)
  // Removed: the next sound added starts at full level.
  setShotSound(editor, shot, null)
  expect(volumeOf(editor, shot)).toBe(1)
  // Its removal undoes in one step, level and all.
  editor.undo()
  expect([soundOf(editor, shot)?.name, volumeOf(editor, shot)]).toEqual(['line-12-take2.wav', 0.4])
})

it('leaves a shot deleted while its file uploaded deleted', () => {
  const { editor, shot } = withShot()
  editor.deleteShape(shot)
  setShotSound(editor, shot, sound)
  expect(editor.getShape(shot)).toBeUndefined()
})
