import { computed, type Computed, type Editor, type Signal } from 'tldraw'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { buildSequence, type SequenceShot } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { editorMirror } from './editorMirror'

const cache = new WeakMap<Editor, Computed<Map<string, string>>>()

/**
 * Every shot's number on this board, one computation shared by every shot on screen, not one
 * per shot. It reads only what numbers depend on (each shot's scene and order key, the scenes,
 * the numbering style): typing in a shot or moving it on the canvas rewrites its record but
 * renumbers nothing, and a renumbering that gives every shot the same label as before keeps
 * the same map, so the 250 panels reading it are not re-checked.
 */
export function shotNumbersOf(editor: Editor): Computed<Map<string, string>> {
  let numbers = cache.get(editor)
  if (!numbers) {
    const shots = editor.store.query.records('shape', () => ({ type: { eq: 'shot' as const } }))
    const scenes = editor.store.query.records('scene')
    const orderKeys = computed(
      'shot order keys',
      () => (shots.get() as TLShotShape[]).map((s): SequenceShot => ({ id: s.id, sceneId: s.props.sceneId, order: s.props.order })),
      { isEqual: sameOrderKeys },
    )
    numbers = computed(
      'shot numbers',
      () => {
        const settings = editor.store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()
        return shotNumbers(buildSequence(scenes.get(), orderKeys.get()), settings.numbering)
      },
      { isEqual: sameLabels },
    )
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

function sameOrderKeys(a: readonly SequenceShot[], b: readonly SequenceShot[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.sceneId === b[i]!.sceneId && x.order === b[i]!.order)
}

/** Same shots with the same labels in the same (reading) order. */
function sameLabels(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false
  const other = b.entries()
  for (const [id, label] of a) {
    const next = other.next().value!
    if (next[0] !== id || next[1] !== label) return false
  }
  return true
}
