import type { Editor, TLShapeId } from 'tldraw'
import { shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardSequenceModel } from './boardSequenceModel'
import { shotBox } from './movesWithShot'
import { readingRows, type ShotBox } from './reorderSlots'
import { sceneRowsAfterCollision, type SceneOnCanvas } from './sceneRowCollisions'
import { NEW_SHOT_GAP } from './shotPlacementOnCanvas'

/** Two top-left corners this close are one canvas slot. */
const SAME_SLOT = 1

const sameSlot = (a: ShotBox, b: ShotBox) => Math.abs(a.x - b.x) < SAME_SLOT && Math.abs(a.y - b.y) < SAME_SLOT

/**
 * Where a scene's shots go when two of them sit on one slot, as two reorders made at the same
 * time leave them (each person's reorder moved shots into slots the other's emptied or filled):
 * laid out again along the scene's rows — each row starting where it starts and holding as many
 * shots as it has distinct slots, the last row the rest — in sequence order, the default gap
 * between shots. Pure and decided by the merged board alone, so every client that repairs writes
 * the same positions. Null when no two shots share a slot.
 *
 * `shots` are the scene's shots in sequence order. Returns the new top-left of every shot that
 * moves.
 */
export function slotsAfterCollision(shots: readonly ShotBox[]): Map<string, { x: number; y: number }> | null {
  if (!shots.some((a, i) => shots.slice(i + 1).some((b) => sameSlot(a, b)))) return null
  const rows = readingRows(shots).map((row) => row.filter((shot, i) => !row.slice(0, i).some((other) => sameSlot(other, shot))))
  const moves = new Map<string, { x: number; y: number }>()
  const incoming = [...shots]
  rows.forEach((row, r) => {
    const count = r === rows.length - 1 ? incoming.length : Math.min(row.length, incoming.length)
    let x = row[0]!.x
    for (const shot of incoming.splice(0, count)) {
      if (shot.x !== x || shot.y !== row[0]!.y) moves.set(shot.id, { x, y: row[0]!.y })
      x += shot.w + NEW_SHOT_GAP
    }
  })
  return moves
}

/**
 * Repairs the canvas after sequence edits made at the same time by two people (one offline,
 * say): the order converges, but the canvas moves each made could put two shots of a scene on
 * one slot — two reorders, two shots inserted (or duplicated) after the same shot, each opening
 * the same slot, or one person's undo sliding a row back over the other's new shot. After a
 * collaborator adds or removes a shot, or changes a shot's place in the sequence (its order or
 * scene), once the batch has landed, each scene it touched whose shots share a slot is laid out
 * once (`slotsAfterCollision`), and of two scenes whose rows landed on one spot (each person
 * added a scene at once) the later moves below the other (`sceneRowsAfterCollision`), as one
 * change that is not the local user's to undo. A
 * collaborator merely dragging a shot over another is left alone (no order change).
 */
export function registerSlotCollisionRepair(editor: Editor): () => void {
  const scenes = new Set<string | null>()
  let scheduled = false
  const repair = () => {
    scheduled = false
    const touched = new Set(scenes)
    scenes.clear()
    if (editor.getIsReadonly()) return
    const { sequence } = boardSequenceModel(editor).get()
    const pageId = editor.getCurrentPageId()
    // Every scene whose shots all sit on the page (a scene with shots in a frame is left alone).
    const onCanvas: SceneOnCanvas[] = [...sequence.scenes.map((scene) => scene.id), null].flatMap((sceneId) => {
      const shots = shotsOfScene(sequence, sceneId).map((s) => editor.getShape<TLShotShape>(s.id as TLShapeId))
      if (!shots.every((s): s is TLShotShape => s?.parentId === pageId)) return []
      return [{ id: sceneId, shots: shots.map((s) => ({ id: s.id, ...shotBox(s) })) }]
    })
    // First inside each touched scene, then between scenes, on the positions that leaves.
    const moves = new Map<string, { x: number; y: number }>()
    const laidOut = onCanvas.map((scene) => {
      if (!touched.has(scene.id)) return scene
      const within = slotsAfterCollision(scene.shots)
      within?.forEach((to, id) => moves.set(id, to))
      return { id: scene.id, shots: scene.shots.map((shot) => ({ ...shot, ...within?.get(shot.id) })) }
    })
    sceneRowsAfterCollision(laidOut, touched)?.forEach((to, id) => moves.set(id, to))
    if (moves.size === 0) return
    editor.run(
      () => editor.updateShapes<TLShotShape>([...moves].map(([id, to]) => ({ id: id as TLShapeId, type: 'shot', ...to }))),
      { history: 'ignore' },
    )
  }
  const check = (...sceneIds: (string | null)[]) => {
    for (const sceneId of sceneIds) scenes.add(sceneId)
    if (scheduled) return
    scheduled = true
    // After the whole remote batch, outside the store's merge.
    editor.timers.setTimeout(repair, 0)
  }
  const stops = [
    editor.sideEffects.registerAfterChangeHandler('shape', (before, after, source) => {
      if (source !== 'remote' || after.type !== 'shot' || before.type !== 'shot') return
      const was = (before as TLShotShape).props
      const now = (after as TLShotShape).props
      if (was.order !== now.order || was.sceneId !== now.sceneId) check(was.sceneId, now.sceneId)
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
      if (source === 'remote' && shape.type === 'shot') check((shape as TLShotShape).props.sceneId)
    }),
    editor.sideEffects.registerAfterDeleteHandler('shape', (shape, source) => {
      if (source === 'remote' && shape.type === 'shot') check((shape as TLShotShape).props.sceneId)
    }),
  ]
  return () => stops.forEach((stop) => stop())
}
