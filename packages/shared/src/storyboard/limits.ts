/**
 * Bounds on storyboard values. The tldraw validators (what the server enforces on every record)
 * and the shot plan import schema both read them from here, so an imported plan can never hold
 * a value the board would refuse.
 *
 * Text limits exist so that one paste cannot put megabytes into the shared doc, which every
 * collaborator downloads; they are far above anything a storyboard needs.
 */

/** Longest shot duration in seconds (one hour). Durations must also be more than 0. */
export const MAX_SHOT_DURATION_SECONDS = 3600
/**
 * Longest transition a shot may ask for, in seconds: far beyond any dissolve an editor cuts, and
 * within the three digits a CMX3600 EDL has for a dissolve's frames (999, 33 s at 30 fps).
 * Whatever is asked, a transition never plays over more than half its shot.
 */
export const MAX_TRANSITION_SECONDS = 30
/** Closest a shot may reframe its picture: this many times the size that just covers the frame. */
export const MAX_PICTURE_ZOOM = 4
/** Longest focal length accepted, in mm. */
export const MAX_LENS_MM = 2000
/** Longest shot title, scene name or other one-line text, in characters. */
export const MAX_TITLE_LENGTH = 200
/** Longest action or dialogue text, in characters. */
export const MAX_TEXT_LENGTH = 10_000
/** Longest id-like string (version ids, model names), in characters. */
export const MAX_ID_LENGTH = 200
/** Longest media URL, in characters. */
export const MAX_URL_LENGTH = 2048
/** Most points in a subject motion path. */
export const MAX_MOTION_PATH_POINTS = 500
/**
 * Motion path points are in the shot's frame (0..1) and may leave it by up to one frame in
 * each direction, for subjects entering or leaving the shot.
 */
export const MOTION_PATH_MIN = -1
/** See {@link MOTION_PATH_MIN}. */
export const MOTION_PATH_MAX = 2
/** Most shots in one imported shot plan. */
export const MAX_PLAN_SHOTS = 5000
/** Most scenes in one imported shot plan. */
export const MAX_PLAN_SCENES = 1000
