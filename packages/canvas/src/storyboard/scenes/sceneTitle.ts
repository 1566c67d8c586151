import { isolatedName } from '@storyloom/shared/api/typedName'
import { sceneHeading, type SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'

/**
 * A scene's name and its slugline as the board shows them: the name tells scenes apart (two at
 * one place share a slugline), the slugline — or what the location and time of day say —
 * follows it. `sceneHeading` falls back to the name, so the slugline is empty rather than a
 * repeat of it.
 */
export function sceneTitleParts(scene: Pick<SceneRecord, 'name' | 'slugline' | 'location' | 'timeOfDay'>): { name: string; slugline: string } {
  const name = scene.name.trim()
  const heading = sceneHeading(scene)
  return { name, slugline: heading === name ? '' : heading }
}

/** A scene as a pick list names it, e.g. "2 — Market escape · EXT. MARKET – DAY" (typed text isolated). */
export function sceneOptionLabel(scene: Pick<SceneRecord, 'name' | 'slugline' | 'location' | 'timeOfDay'>, sceneNumber: number): string {
  const { name, slugline } = sceneTitleParts(scene)
  const typed = [name, slugline].filter(Boolean).map(isolatedName)
  return `${sceneNumber} — ${typed.length ? typed.join(' · ') : 'Untitled scene'}`
}
