import type { ShotBox } from './reorderSlots'
import { overlaps, SCENE_ROW_GAP } from './shotPlacementOnCanvas'

/** One scene's shots on the canvas, for {@link sceneRowsAfterCollision}. */
export interface SceneOnCanvas {
  /** The scene's id (null: the shots without a scene). */
  readonly id: string | null
  readonly shots: readonly ShotBox[]
}

/** How many times a moved scene steps further down past what it lands on before it stays. */
const MAX_STEPS = 50

/**
 * Where scenes go when two scenes' shots cover each other, as two people who each add a new
 * scene at the same time leave them: each new row starts below the last scene either of them
 * saw, so both rows land on the same spot. Of two colliding scenes, one of them in `touched`
 * (the scenes a collaborator's change reached), the later one in the sequence moves down as a
 * whole, `SCENE_ROW_GAP` below the lowest shot it covered, and further down while it covers
 * another scene's shots. Pure and decided by the merged board alone — each client lists the
 * other's new scene as touched, and both pick the same one of the pair to move — so every
 * client that repairs writes the same positions, and a second repair finds nothing to do.
 *
 * `scenes` are in sequence order. Returns the new top-left of every shot that moves, or null
 * when no scene moves.
 */
export function sceneRowsAfterCollision(
  scenes: readonly SceneOnCanvas[],
  touched: ReadonlySet<string | null>,
): Map<string, { x: number; y: number }> | null {
  const placed: SceneOnCanvas[] = []
  const moves = new Map<string, { x: number; y: number }>()
  const covered = (shots: readonly ShotBox[], others: readonly SceneOnCanvas[]) =>
    others.flatMap((other) => other.shots.filter((box) => shots.some((shot) => overlaps(box, shot))))
  scenes.forEach((scene, i) => {
    const earlier = touched.has(scene.id) ? placed : placed.filter((other) => touched.has(other.id))
    let hit = covered(scene.shots, earlier)
    let shots = scene.shots
    if (hit.length > 0) {
      const rest = [...placed, ...scenes.slice(i + 1)]
      for (let step = 0; hit.length > 0 && step < MAX_STEPS; step++) {
        const dy = Math.max(...hit.map((box) => box.y + box.h)) + SCENE_ROW_GAP - Math.min(...shots.map((shot) => shot.y))
        shots = shots.map((shot) => ({ ...shot, y: shot.y + dy }))
        hit = covered(shots, rest)
      }
      for (const shot of shots) moves.set(shot.id, { x: shot.x, y: shot.y })
    }
    placed.push({ id: scene.id, shots })
  })
  return moves.size > 0 ? moves : null
}
