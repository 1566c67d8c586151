import type { ReactNode } from 'react'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { PresentationShot } from '../../presentation/presentationShots'
import { ShotPicture } from '../../presentation/ShotPicture'
import type { StageMarkup } from './stageMarkup'

/**
 * The frame and picture under a presentation's comment drawings for `shot`: its image, clip or
 * sketch as the stage shows it; outside a presentation, the frame alone.
 */
export function stageShotPicture(stage: StageMarkup | null, shot: PresentationShot): { aspect: number; picture?: ReactNode } {
  const aspect = aspectRatioValue(shot.aspect)
  if (!stage) return { aspect }
  return { aspect, picture: <ShotPicture shot={shot} mediaUrl={stage.mediaUrl} sketchEditor={stage.sketchEditor} fallback={null} thumbnail /> }
}
