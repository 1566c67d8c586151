import type { ShotCamera, ShotShapeProps } from '../storyboard/shotShape'
import { CAMERA_MOVEMENTS, SHOT_SIZES, entryOf, formatLens } from '../storyboard/vocabulary'
import type { CameraAngle } from '../storyboard/vocabulary'

/**
 * Angles as a caption reads them. The inspector's labels ("Overhead (bird's-eye)") suit a menu;
 * an image model follows the plain photographic phrase better.
 */
const ANGLE_PHRASES: Record<CameraAngle, string | null> = {
  'eye-level': 'eye level',
  high: 'high angle',
  low: 'low angle',
  overhead: "overhead bird's-eye view",
  'worms-eye': "worm's-eye view",
  dutch: 'Dutch angle',
}

/** The camera part of a prompt: "close-up, low angle, 50mm lens, dolly in". */
export function cameraPhrase(camera: ShotCamera): string {
  const size = entryOf(SHOT_SIZES, camera.shotSize).label
  const lens = formatLens(camera.lensMm)
  const parts = [
    // Sizes are labels like "Medium close-up"; mid-sentence they read lower-case except acronyms.
    size.replace(/^\w/u, (c) => c.toLowerCase()),
    ANGLE_PHRASES[camera.angle],
    lens ? `${lens} lens` : null,
    // A static camera says nothing a still image needs.
    camera.movement === 'static' ? null : entryOf(CAMERA_MOVEMENTS, camera.movement).label.toLowerCase(),
  ]
  return parts.filter((p): p is string => Boolean(p)).join(', ')
}

/**
 * The prompt a generation starts from for a shot: what happens (the action, or the title
 * when the action is empty), then how it is framed. People edit it before generating; it
 * only has to be a good first draft.
 */
export function promptFromShot(props: Pick<ShotShapeProps, 'action' | 'title' | 'camera'>): string {
  const subject = (props.action.trim() || props.title.trim()).replace(/\s+/gu, ' ').replace(/[.;,\s]+$/u, '')
  const camera = cameraPhrase(props.camera)
  const sentence = subject ? `${subject}. ${capitalize(camera)}` : capitalize(camera)
  return `${sentence}.`
}

function capitalize(text: string): string {
  return text.replace(/^\w/u, (c) => c.toUpperCase())
}
