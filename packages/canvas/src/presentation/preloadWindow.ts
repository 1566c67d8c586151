import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import type { PresentationModel } from './presentationShots'

/** How much of the animatic past the shot on screen has its pictures fetched ahead of the cut. */
export const PRELOAD_AHEAD_SECONDS = 10
/** At most this many shots ahead, however short they are: a phone on a slow line fetches no more than it soon shows. */
export const PRELOAD_AHEAD_SHOTS = 8

/**
 * The pictures (image or clip) to have downloaded while the shot at `index` is on screen: its
 * own, the one before it (← goes back there), and those of the shots that follow within
 * {@link PRELOAD_AHEAD_SECONDS} of its end (at most {@link PRELOAD_AHEAD_SHOTS}). An animatic
 * cuts every second or two: a picture fetched only when its shot came on screen left the stage
 * empty for a download at every cut. Shots that show a sketch need nothing fetched.
 */
export function mediaToPreload(model: PresentationModel, index: number): ShotMedia[] {
  const current = model.shots[index]
  if (!current) return []
  const until = current.startSeconds + current.seconds + PRELOAD_AHEAD_SECONDS
  // The next shot starts at this one's end, so it is always among them.
  const ahead = model.shots.slice(index + 1, index + 1 + PRELOAD_AHEAD_SHOTS).filter((shot) => shot.startSeconds < until)
  const near = [model.shots[index - 1], current, ...ahead]
  return near.flatMap((shot) => (shot?.media ? [shot.media] : []))
}
