import type { PresentationScene, PresentationShot } from './presentationShots'

/** A scene's shots as the grid shows them: under its heading, in sequence order. */
export interface PresentationSceneGroup {
  /** Null for the shots in no scene, which come last. */
  readonly scene: PresentationScene | null
  readonly shots: readonly PresentationShot[]
  /** The scene's runtime: from its first shot's start to its last shot's end. */
  readonly seconds: number
}

/**
 * The animatic's shots grouped by scene, in sequence order (scenes without shots are left out).
 * The sequence keeps each scene's shots together, the shots in no scene last.
 */
export function sceneGroups(shots: readonly PresentationShot[]): PresentationSceneGroup[] {
  const groups: { scene: PresentationScene | null; shots: PresentationShot[] }[] = []
  for (const shot of shots) {
    const last = groups.at(-1)
    if (last && (last.scene?.id ?? null) === (shot.scene?.id ?? null)) last.shots.push(shot)
    else groups.push({ scene: shot.scene, shots: [shot] })
  }
  return groups.map(({ scene, shots: inScene }) => {
    const first = inScene[0]!
    const end = inScene.at(-1)!
    return { scene, shots: inScene, seconds: end.startSeconds + end.seconds - first.startSeconds }
  })
}
