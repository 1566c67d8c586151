import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import type { PresentationShot } from '../presentationShots'

/** A shot as the animatic plays it, for tests: `id` (its number too), when it starts and how long it lasts, untitled, in no scene. */
export function presentationShot(id: string, startSeconds: number, seconds: number, media: ShotMedia | null = null): PresentationShot {
  return {
    id,
    number: id,
    title: '',
    sceneName: null,
    scene: null,
    dialogue: '',
    action: '',
    status: 'draft',
    transitionIn: 'cut',
    transitionInSeconds: null,
    media,
    pictureFraming: null,
    sound: null,
    soundVolume: 1,
    aspect: '16:9',
    camera: { shotSize: 'ms', angle: 'eye-level', lensMm: null, movement: 'static' },
    moves: [],
    seconds,
    startSeconds,
    assigneeId: null,
  }
}
