import type { PresentationShot } from '../presentation/presentationShots'
import { sceneGroups, type PresentationSceneGroup } from '../presentation/presentationScenes'

/** A scene of the printed storyboard: its heading's group and its shots cut into rows. */
export interface PrintSection extends PresentationSceneGroup {
  /** Rows of at most `perRow` panels, in reading order. Rows never split across pages. */
  readonly rows: readonly (readonly PresentationShot[])[]
}

/**
 * The storyboard's shots as the printed page lays them out: by scene (as Present's grid, the
 * shots in no scene last), each scene's shots in rows of `perRow`, a scene's last row short
 * rather than filled from the next scene (a new scene starts a new row). With `someShots` (the
 * shots of one artist, not the board's all) a scene's heading counts the time of its shots
 * printed, not of the stretch of the board from the first to the last.
 */
export function printSections(shots: readonly PresentationShot[], perRow: number, { someShots = false } = {}): PrintSection[] {
  if (!Number.isInteger(perRow) || perRow < 1) throw new RangeError(`Panels per row must be a whole number from 1, got ${perRow}`)
  return sceneGroups(shots).map((group) => {
    const rows: PresentationShot[][] = []
    for (let i = 0; i < group.shots.length; i += perRow) rows.push(group.shots.slice(i, i + perRow))
    const seconds = someShots ? group.shots.reduce((total, shot) => total + shot.seconds, 0) : group.seconds
    return { ...group, seconds, rows }
  })
}
