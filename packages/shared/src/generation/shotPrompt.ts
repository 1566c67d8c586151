import type { ShotCamera, ShotShapeProps } from '../storyboard/shotShape'
import { CAMERA_MOVEMENTS, SHOT_SIZES, entryOf, formatLens } from '../storyboard/vocabulary'
import type { CameraAngle } from '../storyboard/vocabulary'
import { MAX_PROMPT_LENGTH } from './jobs'

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
 * only has to be a good first draft, and it always fits {@link MAX_PROMPT_LENGTH}: a long
 * action is cut at a word ("…"), never the framing after it (the server once cut the end off,
 * and the form refused the prompt it had offered).
 */
export function promptFromShot(props: Pick<ShotShapeProps, 'action' | 'title' | 'camera'>): string {
  const camera = capitalize(cameraPhrase(props.camera))
  const subject = (props.action.trim() || props.title.trim()).replace(/\s+/gu, ' ').replace(/[.;,\s]+$/u, '')
  if (!subject) return `${camera}.`
  // Room for the subject beside ". " (or "… ") + the framing + ".".
  const room = MAX_PROMPT_LENGTH - camera.length - 3
  return subject.length <= room ? `${subject}. ${camera}.` : `${cutAtWord(subject, room)}… ${camera}.`
}

/** `text` cut to at most `max` characters at a word boundary. */
function cutAtWord(text: string, max: number): string {
  const head = text.slice(0, max)
  const lastSpace = head.lastIndexOf(' ')
  // A single huge "word" (a pasted URL) is cut where it must be, never inside a surrogate pair.
  const cut = lastSpace > max / 2 ? head.slice(0, lastSpace) : head.replace(/[\uD800-\uDBFF]$/u, '')
  return cut.replace(/[.;,\s]+$/u, '')
}

function capitalize(text: string): string {
  return text.replace(/^\w/u, (c) => c.toUpperCase())
}
