import type { Editor, TLShapeId } from 'tldraw'
import { compareByOrderThenId, compareOrderKeys } from '@storyloom/shared/storyboard/sequence'
import type { ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { openSceneRowSlot } from '../sequence/openSceneRowSlot'
import { NEW_SHOT_GAP, SCENE_ROW_GAP, type PageBox } from '../sequence/shotPlacementOnCanvas'
import { boundsOf } from './importPlacement'

/**
 * Opens a slot in the board's rows for each run of a plan's new scenes that goes in before a
 * scene already on the board (a screenplay revision adding scenes between the board's): the
 * rows of the scene after the run, and of the scenes after it that they reach, move down
 * (`openSceneRowSlot`), and the run's shots, laid out as the plan lays them out, take the slot,
 * so the canvas reads in the script's order as the strip does. Runs go top to bottom, each in
 * the room left once the runs before it are in. Run it inside the import's `editor.run`, before
 * the new shots are in, so the move is part of the import's undo step.
 *
 * A new scene the writer filled only with shots moved from the board's scenes (`joining`: each
 * board shot moving with the scene it joins) gets a row of its own in the slot too, in its
 * place among the run's scenes, where the move then puts them: the block reads scene by scene
 * in the script's order, each scene's new shots or moved row under the scene before it.
 *
 * Returns where each new shot given a slot goes (its top-left). A run with no board scene after
 * it (the end of the board), or whose rows could not move, gets none: it goes where new shots go.
 */
export function openSlotsForNewScenes(
  editor: Editor,
  plan: ShotPlan,
  existing: (id: TLShapeId) => TLShotShape | undefined,
  joining: ReadonlyMap<TLShapeId, string> = new Map(),
): Map<TLShapeId, { x: number; y: number }> {
  const { sequence } = boardSequenceModel(editor).get()
  const onBoard = new Set(sequence.scenes.map((scene) => scene.id))
  // Each new scene under the board scene it goes before; the map keeps them in order.
  const runs = new Map<string, string[]>()
  for (const scene of plan.scenes.filter((s) => !onBoard.has(s.id)).sort(compareByOrderThenId)) {
    const next = sequence.scenes.find((other) => compareOrderKeys(other.order, scene.order) > 0)
    if (next) (runs.get(next.id) ?? runs.set(next.id, []).get(next.id)!).push(scene.id)
  }
  const spots = new Map<TLShapeId, { x: number; y: number }>()
  const reserved: PageBox[] = []
  for (const [before, sceneIds] of runs) {
    const inRun = new Set(sceneIds)
    const shots = plan.shots.filter((shot) => shot.sceneId !== null && inRun.has(shot.sceneId) && !existing(shot.id))
    const left = boundsOf(shots)?.x ?? 0
    // One part per scene of the run, in script order: its new shots as the plan lays them out, or,
    // for a scene the writer filled only with board shots moved into it, a row of them where the
    // move then finds room (positionStartingRow, under the scene before it).
    const parts = sceneIds.flatMap((sceneId) => {
      const own = shots.filter((shot) => shot.sceneId === sceneId)
      if (own.length > 0) return [{ own, box: boundsOf(own)! }]
      const moved = [...joining].flatMap(([id, to]) => (to === sceneId ? (existing(id) ?? []) : []))
      return moved.length > 0 ? [{ own, box: movedRow(moved, left) }] : []
    })
    const boxes = stacked(parts.map((part) => part.box))
    const block = boundsOf(boxes)
    if (!block) continue
    const slot = openSceneRowSlot(editor, sequence, before, block, reserved)
    if (!slot) continue
    parts.forEach(({ own, box }, i) => {
      const dy = boxes[i]!.y - box.y
      for (const shot of own) spots.set(shot.id, { x: slot.x + shot.x - block.x, y: slot.y + shot.y + dy - block.y })
    })
    reserved.push({ ...block, ...slot })
  }
  return spots
}

/** A row of `shots` (board shots a move brings into a new scene) side by side from `x`, as the move lays them out. */
function movedRow(shots: readonly TLShotShape[], x: number): PageBox {
  const w = shots.reduce((sum, shot) => sum + shot.props.w + NEW_SHOT_GAP, -NEW_SHOT_GAP)
  return { x, y: 0, w, h: Math.max(...shots.map((shot) => shot.props.h)) }
}

/** `boxes` one under another in their order, a scene gap between them (the first where it is). */
function stacked(boxes: readonly PageBox[]): PageBox[] {
  const out: PageBox[] = []
  for (const box of boxes) {
    const last = out.at(-1)
    out.push(last ? { ...box, y: last.y + last.h + SCENE_ROW_GAP } : box)
  }
  return out
}
