import { useRef } from 'react'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { isShownTake } from './pickTake'
import type { ShotGenerationActivity } from './shotGenerationActivity'

/**
 * How many takes of the shot's last run landed unshown (0 for none): the run finished while a
 * take someone picked meanwhile kept showing, so its takes went to Versions only. A run whose
 * take this screen has seen on the shot landed shown: when the shot shows another take later,
 * someone went back to it on purpose, and the run's takes are no news. (A page opened after
 * the run landed has not seen it: it counts a run none of whose takes shows as unshown.)
 */
export function useUnshownTakes(shot: TLShotShape, { active, lastWithTakes }: ShotGenerationActivity): number {
  const seenShown = useRef<string | null>(null)
  if (!lastWithTakes) return 0
  if (lastWithTakes.results.some((r) => isShownTake(shot, r))) {
    seenShown.current = lastWithTakes.id
    return 0
  }
  return !active && seenShown.current !== lastWithTakes.id ? lastWithTakes.results.length : 0
}
