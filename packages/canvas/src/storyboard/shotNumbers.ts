import { computed, type Computed, type Editor, type Signal } from 'tldraw'
import { BOARD_SETTINGS_ID } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardShotNumbers } from '@storyloom/shared/storyboard/boardSequence'
import { editorMirror } from './editorMirror'

const cache = new WeakMap<Editor, Computed<Map<string, string>>>()

/**
 * Every shot's number on this board, recomputed only when shots, scenes or the board settings
 * change — one computation shared by every shot on screen, not one per shot.
 */
export function shotNumbersOf(editor: Editor): Computed<Map<string, string>> {
  let numbers = cache.get(editor)
  if (!numbers) {
    const shots = editor.store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
    const scenes = editor.store.query.records('scene')
    numbers = computed('shot numbers', () => {
      const settings = editor.store.get(BOARD_SETTINGS_ID)
      return boardShotNumbers([...scenes.get(), ...shots.get(), ...(settings ? [settings] : [])])
    })
    cache.set(editor, numbers)
  }
  return numbers
}

/**
 * The same numbers as a mirror ({@link editorMirror}), for the many components that each show
 * one: reading them does not re-check every shot panel on every camera step.
 */
export function mirroredShotNumbersOf(editor: Editor): Signal<Map<string, string>> {
  return editorMirror(editor, 'shot numbers', () => shotNumbersOf(editor).get())
}
