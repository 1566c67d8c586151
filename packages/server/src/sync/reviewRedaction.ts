/**
 * What a reviewer receives of a record they are shown (see ReviewVisibility): what the
 * presentation draws, without what the team wrote there for itself. Each record keeps the
 * board's schema (a redacted field gets a neutral value, never goes missing), so the review
 * page's store accepts it as it is:
 *
 * - every record's `meta` (tldraw's free-form per-record data) is sent empty;
 * - a shot keeps the props the presentation reads (its camera too: the moves and framing it is
 *   meant to have; and how its picture is reframed, which is what the presentation shows; and its
 *   own sound and that sound's volume, which the presentation plays, without the file's name); any
 *   other is a new shot's default, so a prop added later is not sent until the presentation needs it;
 * - the pages and the frames or groups that only place shots are sent without their names
 *   (a frame drawn inside a shot is part of its sketch, and keeps its name);
 * - an asset is sent without its file name, and the document record without its name (the
 *   review page shows the board's name from the review API);
 * - the board settings are sent with the soundtrack (the presentation plays it) without its file name.
 */
import { defaultShotProps, type ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'

export type JsonRecord = { readonly [key: string]: unknown }

/** The shot props the presentation reads (presentationShots.ts, PresentationStage, PresentationGrid). */
const SHOWN_SHOT_PROPS: ReadonlySet<keyof ShotShapeProps> = new Set<keyof ShotShapeProps>([
  'w', 'h', 'aspect', 'title', 'duration', 'camera', 'action', 'dialogue', 'status', 'sceneId', 'order', 'transitionIn', 'transitionInSeconds', 'activeVersionId', 'media', 'pictureFraming', 'sound', 'soundVolume',
])

const DEFAULT_SHOT_PROPS: Readonly<Record<string, unknown>> = { ...defaultShotProps() }

function withProps(record: JsonRecord, props: Record<string, unknown>): JsonRecord {
  return { ...record, props }
}

function shotProps(props: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {}
  // A default may be null (a transition's own length): `in`, not `??`, or the value would go through.
  for (const [key, value] of Object.entries(props)) {
    shown[key] = SHOWN_SHOT_PROPS.has(key as keyof ShotShapeProps) || !(key in DEFAULT_SHOT_PROPS) ? value : DEFAULT_SHOT_PROPS[key]
  }
  return withoutFileName(shown, 'sound')
}

/** `record` with the audio file at `key` (a soundtrack, a shot's sound) sent without its name. */
function withoutFileName<R extends JsonRecord>(record: R, key: string): R {
  const file = record[key]
  if (typeof file !== 'object' || file === null) return record
  return { ...record, [key]: { ...file, name: '' } }
}

/**
 * `record` as reviewers are sent it. `drawnInShot`: the record is a shape inside a shot (part
 * of a sketch), not one that places shots.
 */
export function redactForReview(record: JsonRecord, drawnInShot: boolean): JsonRecord {
  const redacted: JsonRecord = 'meta' in record ? { ...record, meta: {} } : record
  const props = (typeof record.props === 'object' && record.props !== null ? record.props : undefined) as Record<string, unknown> | undefined
  switch (record.typeName) {
    case 'shape':
      if (record.type === 'shot' && props) return withProps(redacted, shotProps(props))
      if (!drawnInShot && props && typeof props.name === 'string') return withProps(redacted, { ...props, name: '' })
      return redacted
    case 'asset':
      return props && typeof props.name === 'string' ? withProps(redacted, { ...props, name: '' }) : redacted
    case 'page':
    case 'document':
      return { ...redacted, name: '' }
    case 'board_settings':
      return withoutFileName(redacted, 'soundtrack')
    default:
      return redacted
  }
}
