import { placeShots, shotsOfScene, type Sequence, type ShotOrderUpdate } from '@storyloom/shared/storyboard/sequence'

/**
 * What deleting a scene does to its shots: they are never deleted with it. They stay on the
 * canvas and move, in their order, to the front of the shots in no scene (which read after
 * every scene), where they can be dragged into another scene.
 */
export function shotsFreedByDeletingScene(sequence: Sequence, sceneId: string): ShotOrderUpdate[] {
  const ids = shotsOfScene(sequence, sceneId).map((s) => s.id)
  if (ids.length === 0) return []
  return placeShots(sequence, ids, { sceneId: null, at: 'start' })
}

/** The sentence the UI shows before deleting a scene with `shotCount` shots. */
export function sceneDeletionWarning(shotCount: number): string {
  if (shotCount === 0) return 'The scene has no shots.'
  const shots = shotCount === 1 ? '1 shot stays' : `${shotCount} shots stay`
  return `Its ${shots} on the canvas and ${shotCount === 1 ? 'moves' : 'move'} to “No scene”. Undo brings the scene back.`
}
