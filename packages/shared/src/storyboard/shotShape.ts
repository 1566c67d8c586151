import {
  assetIdValidator,
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
} from '@tldraw/tlschema'
import { createShapeId } from '@tldraw/tlschema'
import type { RecordProps, TLAssetId, TLBaseShape, TLParentId, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import {
  MAX_ID_LENGTH,
  MAX_LENS_MM,
  MAX_PICTURE_ZOOM,
  MAX_SHOT_DURATION_SECONDS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_TRANSITION_SECONDS,
  MAX_URL_LENGTH,
} from './limits'
import { sceneIdValidator } from './sceneRecord'
import { boardAudioFileValidator, type BoardAudioFile } from './soundtrack'
import type { SceneId } from './sceneRecord'
import { boundedNumber, boundedString, isBoardMediaUrl } from './validators'
import {
  ASPECT_RATIO_IDS,
  CAMERA_ANGLE_IDS,
  CAMERA_MOVEMENT_IDS,
  SHOT_SIZE_IDS,
  SHOT_STATUS_IDS,
  TRANSITION_IDS,
} from './vocabulary'
import type {
  AspectRatio,
  CameraAngle,
  CameraMovement,
  ShotSize,
  ShotStatus,
  Transition,
} from './vocabulary'

/** The tldraw shape type of a shot. */
export const SHOT_SHAPE_TYPE = 'shot'

/** How a shot is framed and moved. */
export interface ShotCamera {
  shotSize: ShotSize
  angle: CameraAngle
  /** Focal length in mm, or null when the board does not say. */
  lensMm: number | null
  movement: CameraMovement
}

/** The image or clip a shot shows: its active version's result (ids and URLs only, never bytes). */
export interface ShotMedia {
  assetId: TLAssetId
  /** The board asset store's URL (`/api/…`) or an http(s) URL. */
  src: string
  kind: 'image' | 'video'
  /** The model that made it, so the UI can say which model made an image. */
  model?: string
}

/**
 * How a shot's picture sits in its frame (Reframe): enlarged `zoom` times the size that just
 * covers the frame, and moved along its spare width and height. `x` and `y` say where the frame
 * sits in the travel the picture allows: 0 at its left (top) edge, 0.5 centred, 1 at its right
 * (bottom) edge, so every value keeps the picture covering the frame, whatever the picture's
 * size or the shot's aspect (pictureFraming.ts draws it).
 */
export interface PictureFraming {
  /** 1 just covers the frame; at most {@link MAX_PICTURE_ZOOM}. */
  zoom: number
  x: number
  y: number
}

/**
 * A shot's own sound (scratch dialogue, a voice-over line, an effect): an audio file on the board
 * that plays from the shot's first frame and is cut at its end, so it moves with the shot.
 */
export type ShotSound = BoardAudioFile

/** The props of a shot shape. */
export interface ShotShapeProps {
  /** Size on the canvas in page units. The frame inside is drawn in `aspect`. */
  w: number
  h: number
  aspect: AspectRatio
  title: string
  /** Seconds on screen; more than 0 and at most {@link MAX_SHOT_DURATION_SECONDS}. */
  duration: number
  camera: ShotCamera
  action: string
  /** Dialogue or voice-over. */
  dialogue: string
  status: ShotStatus
  /** The scene the shot belongs to; null (or a scene that no longer exists) reads as unassigned. */
  sceneId: SceneId | null
  /**
   * Fractional index key of the shot within its scene, independent of canvas position. Shots
   * are read in (key, id) order, so keys written concurrently by two people still give one
   * order everywhere.
   */
  order: IndexKey
  /** How the sequence arrives at this shot from the previous one. */
  transitionIn: Transition
  /**
   * How long a dissolve, fade or wipe into this shot lasts, in seconds (more than 0, at most
   * {@link MAX_TRANSITION_SECONDS}), or null for the usual length of its kind (transitionLength.ts).
   * Seconds, like `duration`, so changing the board's frame rate keeps the timing; editors see and
   * type it in frames at the board's rate. Kept when the shot is set to a cut, for a change back.
   */
  transitionInSeconds: number | null
  /** The version (in the server's version tree) the shot shows, or null before the first. */
  activeVersionId: string | null
  media: ShotMedia | null
  /** How the picture is cropped into the frame, or null for centred and just covering (kept across takes). */
  pictureFraming: PictureFraming | null
  /** The shot's own sound, or null for none (the board's soundtrack still plays under it). */
  sound: ShotSound | null
  /**
   * The board member drawing the shot (their account id), or null for nobody. An id no longer
   * among the board's members stays as it is and reads as a former member.
   */
  assigneeId: string | null
  /**
   * How loud the shot's own sound plays, from 0 (silent) to 1 (as recorded, the default), so a
   * loud effect or a hot scratch line does not drown the soundtrack. Kept when the sound is
   * replaced; back to 1 when it is removed.
   */
  soundVolume: number
}

/** A shot on the canvas. */
export type TLShotShape = TLBaseShape<'shot', ShotShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    shot: ShotShapeProps
  }
}

/** Validates a shot's camera block. */
export const shotCameraValidator: T.ObjectValidator<ShotCamera> = T.object<ShotCamera>({
  shotSize: T.literalEnum(...SHOT_SIZE_IDS),
  angle: T.literalEnum(...CAMERA_ANGLE_IDS),
  lensMm: boundedNumber(0, MAX_LENS_MM, { minExclusive: true }).nullable(),
  movement: T.literalEnum(...CAMERA_MOVEMENT_IDS),
})

/** Validates a shot's media block. */
export const shotMediaValidator: T.ObjectValidator<ShotMedia> = T.object<ShotMedia>({
  assetId: assetIdValidator,
  src: boundedString(MAX_URL_LENGTH).check((src) => {
    if (!isBoardMediaUrl(src)) {
      throw new T.ValidationError('Expected an uploaded asset URL (/api/…) or an http(s) URL, not inline data')
    }
  }),
  kind: T.literalEnum('image', 'video'),
  model: boundedString(MAX_ID_LENGTH).optional(),
})

/** Validates a shot's reframing: finite numbers in range, nothing else. */
export const pictureFramingValidator: T.ObjectValidator<PictureFraming> = T.object<PictureFraming>({
  zoom: boundedNumber(1, MAX_PICTURE_ZOOM),
  x: boundedNumber(0, 1),
  y: boundedNumber(0, 1),
})

/**
 * What an assignee id may be: an account id's characters (base64url), bounded. Nothing that
 * reorders, hides or floods text, whatever a client writes.
 */
export const ASSIGNEE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Validates a shot's assignee: an account id (see {@link ASSIGNEE_ID_PATTERN}). */
export const assigneeIdValidator: T.Validator<string> = T.string.check((id) => {
  if (!ASSIGNEE_ID_PATTERN.test(id)) throw new T.ValidationError('Expected an account id (up to 64 letters, digits, _ or -)')
})

/** Validators for every shot prop; registered with tldraw as the shot shape's props. */
export const shotShapeProps: RecordProps<TLShotShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  aspect: T.literalEnum(...ASPECT_RATIO_IDS),
  title: boundedString(MAX_TITLE_LENGTH),
  duration: boundedNumber(0, MAX_SHOT_DURATION_SECONDS, { minExclusive: true }),
  camera: shotCameraValidator,
  action: boundedString(MAX_TEXT_LENGTH),
  dialogue: boundedString(MAX_TEXT_LENGTH),
  status: T.literalEnum(...SHOT_STATUS_IDS),
  sceneId: sceneIdValidator.nullable(),
  order: T.indexKey,
  transitionIn: T.literalEnum(...TRANSITION_IDS),
  transitionInSeconds: boundedNumber(0, MAX_TRANSITION_SECONDS, { minExclusive: true }).nullable(),
  activeVersionId: boundedString(MAX_ID_LENGTH).nullable(),
  media: shotMediaValidator.nullable(),
  pictureFraming: pictureFramingValidator.nullable(),
  sound: boardAudioFileValidator.nullable(),
  assigneeId: assigneeIdValidator.nullable(),
  soundVolume: boundedNumber(0, 1),
}

/** Migration ids for shot props. Append new versions at the end; never renumber. */
export const shotShapeVersions = createShapePropsMigrationIds('shot', {
  /** Status `changes-requested` (client review). Older clients read it as `in-review`. */
  AddChangesRequestedStatus: 1,
  /** A shot's own transition length; shots before it play the usual length (null). */
  AddTransitionInSeconds: 2,
  /** Reframe: shots before it show their picture centred and just covering (null). */
  AddPictureFraming: 3,
  /** A shot's own sound; shots before it have none (null). */
  AddSound: 4,
  /** Assigned to: shots before it are assigned to nobody (null). */
  AddAssigneeId: 5,
  /** Volume of a shot's sound: shots before it play theirs at full level (1). */
  AddSoundVolume: 6,
})

/** Append-only migrations for shot props (sequence id `com.tldraw.shape.shot`). */
export const shotShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: shotShapeVersions.AddChangesRequestedStatus,
      up: () => {},
      down: (props) => {
        if (props.status === 'changes-requested') props.status = 'in-review'
      },
    },
    {
      id: shotShapeVersions.AddTransitionInSeconds,
      up: (props) => {
        props.transitionInSeconds = null
      },
      down: (props) => {
        delete props.transitionInSeconds
      },
    },
    {
      id: shotShapeVersions.AddPictureFraming,
      up: (props) => {
        props.pictureFraming = null
      },
      down: (props) => {
        delete props.pictureFraming
      },
    },
    {
      id: shotShapeVersions.AddSound,
      up: (props) => {
        props.sound = null
      },
      down: (props) => {
        delete props.sound
      },
    },
    {
      id: shotShapeVersions.AddAssigneeId,
      up: (props) => {
        props.assigneeId = null
      },
      down: (props) => {
        delete props.assigneeId
      },
    },
    {
      id: shotShapeVersions.AddSoundVolume,
      up: (props) => {
        props.soundVolume = 1
      },
      down: (props) => {
        delete props.soundVolume
      },
    },
  ],
})

/** Default shot width on the canvas, in page units. */
export const DEFAULT_SHOT_WIDTH = 320

/** Props of a new shot: a 16:9, 3-second medium shot at eye level, in no scene, assigned to nobody, as a draft, with no sound (at full level once it has one). */
export function defaultShotProps(): ShotShapeProps {
  return {
    w: DEFAULT_SHOT_WIDTH,
    h: DEFAULT_SHOT_WIDTH / (16 / 9),
    aspect: '16:9',
    title: '',
    duration: 3,
    camera: { shotSize: 'ms', angle: 'eye-level', lensMm: null, movement: 'static' },
    action: '',
    dialogue: '',
    status: 'draft',
    sceneId: null,
    order: 'a1' as IndexKey,
    transitionIn: 'cut',
    transitionInSeconds: null,
    activeVersionId: null,
    media: null,
    pictureFraming: null,
    sound: null,
    assigneeId: null,
    soundVolume: 1,
  }
}

/** A complete shot shape record: defaults for everything not given. */
export function createShotShape(fields: {
  id?: TLShapeId
  parentId: TLParentId
  index: IndexKey
  x?: number
  y?: number
  props?: Partial<ShotShapeProps>
}): TLShotShape {
  return {
    id: fields.id ?? createShapeId(),
    typeName: 'shape',
    type: 'shot',
    x: fields.x ?? 0,
    y: fields.y ?? 0,
    rotation: 0,
    index: fields.index,
    parentId: fields.parentId,
    isLocked: false,
    opacity: 1,
    props: { ...defaultShotProps(), ...fields.props },
    meta: {},
  }
}
