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
 * board shot moving with the scene it joins) gets a row of its
 * own in the slot too (under the run's new shots), where the move then puts them, as for new
 * shots: the canvas still reads in the script's order.
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
    // Board shots the writer moved into a new scene of the run with no new shot of its own: a
    // row of their own under the run's new shots, where the move then finds room (positionStartingRow).
    const rows = sceneIds
      .filter((sceneId) => !shots.some((shot) => shot.sceneId === sceneId))
      .map((sceneId) => [...joining].flatMap(([id, to]) => (to === sceneId ? (existing(id) ?? []) : [])))
      .filter((row) => row.length > 0)
      .map((row) => movedRow(row, boundsOf(shots)?.x ?? 0))
    const block = stacked([...(shots.length > 0 ? [boundsOf(shots)!] : []), ...rows])
    if (!block) continue
    const slot = openSceneRowSlot(editor, sequence, before, block, reserved)
    if (!slot) continue
    for (const shot of shots) spots.set(shot.id, { x: slot.x + shot.x - block.x, y: slot.y + shot.y - block.y })
    reserved.push({ ...block, ...slot })
  }
  return spots
}

/** A row of `shots` (board shots a move brings into a new scene) side by side from `x`, as the move lays them out. */
function movedRow(shots: readonly TLShotShape[], x: number): PageBox {
  const w = shots.reduce((sum, shot) => sum + shot.props.w + NEW_SHOT_GAP, -NEW_SHOT_GAP)
  return { x, y: 0, w, h: Math.max(...shots.map((shot) => shot.props.h)) }
}

/** The block of `boxes` one under another, a scene gap between them (the first where it is); undefined for none. */
function stacked(boxes: readonly PageBox[]): PageBox | undefined {
  const [first, ...rest] = boxes
  if (!first) return undefined
  return rest.reduce((block, box) => boundsOf([block, { ...box, y: block.y + block.h + SCENE_ROW_GAP }])!, first)
}
