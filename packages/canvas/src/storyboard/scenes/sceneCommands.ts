import type { Editor } from 'tldraw'
import { revealSelectionClearOfPanels } from '../../board/revealClearOfPanels'
import {
  BOARD_SETTINGS_ID,
  createBoardSettings,
  type BoardSettingsField,
  type BoardSettingsRecord,
} from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, type SceneId, type SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { sceneLocationAfterSluglineEdit, sceneTimeAfterSluglineEdit } from '@storyloom/shared/storyboard/slugline'
import { newSceneOrder, placeScene } from '@storyloom/shared/storyboard/sequence'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { applyShotOrder, moveShots } from '../sequence/sequenceCommands'
import { shotsFreedByDeletingScene } from './sceneDeletion'

/**
 * Scene and board-settings edits. Scenes and the settings are document records of their own
 * (not shapes), so they sync, validate and undo like shapes do. Each edit is one undo step.
 */

/** Scene fields people edit. */
export type SceneEdit = Partial<Pick<SceneRecord, 'name' | 'slugline' | 'location' | 'timeOfDay' | 'color'>>

/** Adds a scene after every existing one. Returns its id. */
export function addScene(editor: Editor, fields: SceneEdit = {}): SceneId {
  const scene = createScene({ ...fields, order: newSceneOrder(boardSequenceModel(editor).get().sequence.scenes) })
  editor.markHistoryStoppingPoint('add scene')
  editor.run(() => editor.store.put([scene]))
  return scene.id
}

/**
 * "+ Scene" in the strip: a new last scene, with no shot left selected, so the next new shot
 * (Shift+S) starts that scene. With the previous scene's shot still selected, Shift+S went on
 * adding shots to the old scene, after it.
 */
export function startNewScene(editor: Editor, fields: SceneEdit = {}): SceneId {
  const id = addScene(editor, fields)
  editor.selectNone()
  return id
}

/**
 * Changes scene fields. Not a stopping point of its own: a text field marks one when it gets
 * focus, so everything typed into it undoes together (as the shot inspector does).
 */
export function updateScene(editor: Editor, sceneId: SceneId, edit: SceneEdit): void {
  const scene = editor.store.get(sceneId)
  if (!scene) return
  editor.store.put([{ ...scene, ...edit }])
}

/**
 * A new slugline; the location and the time of day follow it where no one typed or picked
 * another (`sceneLocationAfterSluglineEdit`, `sceneTimeAfterSluglineEdit`).
 */
export function updateSlugline(editor: Editor, sceneId: SceneId, slugline: string): void {
  const scene = editor.store.get(sceneId)
  if (!scene) return
  updateScene(editor, sceneId, {
    slugline,
    location: sceneLocationAfterSluglineEdit(scene, slugline),
    timeOfDay: sceneTimeAfterSluglineEdit(scene, slugline),
  })
}

/** Moves a scene one place earlier (-1) or later (+1) in the board. */
export function moveScene(editor: Editor, sceneId: SceneId, delta: -1 | 1): void {
  const { scenes } = boardSequenceModel(editor).get().sequence
  const index = scenes.findIndex((s) => s.id === sceneId)
  const neighbour = scenes[index + delta]
  if (index === -1 || !neighbour) return
  const updates = placeScene(scenes, sceneId, delta < 0 ? { before: neighbour.id } : { after: neighbour.id })
  if (updates.length === 0) return
  editor.markHistoryStoppingPoint('move scene')
  editor.run(() =>
    editor.store.put(
      updates.flatMap((u) => {
        const scene = editor.store.get(u.id as SceneId)
        return scene ? [{ ...scene, order: u.order }] : []
      }),
    ),
  )
}

/** Deletes a scene; its shots stay and move to "No scene" (one undo step brings it all back). */
export function deleteScene(editor: Editor, sceneId: SceneId): void {
  const updates = shotsFreedByDeletingScene(boardSequenceModel(editor).get().sequence, sceneId)
  editor.markHistoryStoppingPoint('delete scene')
  editor.run(() => {
    applyShotOrder(editor, updates)
    editor.store.remove([sceneId])
  })
}

/**
 * Puts a shot at the end of a scene (null: no scene), on the canvas too: where a new shot of
 * that scene would go, at the end of its row, and the row it left closes up behind it — the
 * strip's drag and Alt+Shift+←/→ path (`moveShots`), so one undo step, one change for everyone.
 */
export function assignShotToScene(editor: Editor, shotId: string, sceneId: SceneId | null): void {
  if (!moveShots(editor, [shotId], { sceneId, at: 'end' })) return
  // Moved from the inspector, the selected shot can land off screen or under the inspector.
  if (editor.getSelectedShapeIds().some((id) => id === shotId)) revealSelectionClearOfPanels(editor)
}

/**
 * Changes the board's settings, creating the record on first use. Everyone writes the same
 * id, so two people changing settings at once end with one record (last write wins).
 */
export function updateBoardSettings(
  editor: Editor,
  edit: Partial<Pick<BoardSettingsRecord, BoardSettingsField>>,
): void {
  const current = editor.store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()
  editor.markHistoryStoppingPoint('board settings')
  editor.run(() => editor.store.put([{ ...current, ...edit }]))
}
