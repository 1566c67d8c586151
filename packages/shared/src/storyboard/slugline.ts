import { TIMES_OF_DAY, type TimeOfDay } from './sceneRecord'

/**
 * Reading a scene heading ("slugline") the way screenwriting tools do (Fountain's scene heading,
 * Final Draft's): "INT./EXT. PLACE – TIME", the time of day after the last dash that stands
 * apart from the words around it ("-", "--", "–", "—"; a hyphen inside a word is the word's).
 * The place's own words never count: "INT. DAY CARE CENTRE" names no time.
 */

/** What a time of day is written as, past its own label (upper case, ASCII). */
const OTHER_WORDINGS: ReadonlyArray<readonly [string, TimeOfDay]> = [
  ['MOMENTS LATER', 'later'],
  ['A MOMENT LATER', 'later'],
  ['A LITTLE LATER', 'later'],
  ['SUNRISE', 'dawn'],
  ['DAYBREAK', 'dawn'],
  ['SUNSET', 'dusk'],
  ['TWILIGHT', 'dusk'],
]

/** Every wording of a time of day, upper case (a Map: typed words are never object keys). */
const TIME_BY_WORDING = new Map<string, TimeOfDay>([...TIMES_OF_DAY.map((t) => [t.label, t.id] as const), ...OTHER_WORDINGS])

/** Past this many characters a part of a heading is no time of ours. */
const MAX_WORDING_LENGTH = 24

/** Dashes that part a heading even unspaced ("HARBOUR—NIGHT"): figure, en, em, horizontal bar, minus. */
const DASHES = /[\u2012-\u2015\u2212]/gu
/** Invisible format characters (bidi controls, zero-width space and joiners, soft hyphen). */
const FORMAT_CHARACTERS = /\p{Cf}/gu
/** Punctuation a time may be wrapped in or end with: "(NIGHT)", "EVENING.". */
const WRAPPING = /^[([{"'“‘]+|[)\]}"'”’.,:;!?]+$/g

/** `text` without Fountain's notes (`[[…]]`); an unclosed "[[" is only text. */
function withoutNotes(text: string): string {
  let out = ''
  let from = 0
  for (;;) {
    const open = text.indexOf('[[', from)
    if (open === -1) return out + text.slice(from)
    out += text.slice(from, open)
    const close = text.indexOf(']]', open + 2)
    if (close === -1) return out + text.slice(open)
    from = close + 2
  }
}

/** `text` without a Fountain scene number at its end ("… – NIGHT #12A#"). */
function withoutSceneNumber(text: string): string {
  const trimmed = text.trimEnd()
  if (!trimmed.endsWith('#')) return trimmed
  const open = trimmed.lastIndexOf('#', trimmed.length - 2)
  return open === -1 ? trimmed : trimmed.slice(0, open)
}

/** The time of day `segment` (one part of a heading between dashes) says, if any. */
function timeOfSegment(segment: string): TimeOfDay | null {
  // Longer than any wording with its wrapping: not a time (and no long run to strip).
  if (segment.length > MAX_WORDING_LENGTH) return null
  const wording = segment.replace(WRAPPING, '').trim()
  // ASCII only, so no locale's case rules make a word of another ("nıght" is not "NIGHT").
  if (!wording || /[^\x20-\x7E]/.test(wording)) return null
  return TIME_BY_WORDING.get(wording.toUpperCase()) ?? null
}

/**
 * The time of day a scene heading names, or null when it names none of ours: the last part
 * after a dash that is a time ("INT. HOUSE – DAY – CONTINUOUS" is continuous, "EXT. DOCK – NIGHT
 * – FLASHBACK" night). Linear in the heading's length whatever it holds.
 */
export function timeOfDayFromSlugline(slugline: string): TimeOfDay | null {
  // Full-width letters and dashes read as theirs (NFKC); invisible characters are dropped.
  const text = withoutSceneNumber(withoutNotes(slugline.normalize('NFKC').replace(FORMAT_CHARACTERS, '')))
  const words = text.replace(DASHES, ' - ').split(/\s+/u)
  const segments: string[][] = [[]]
  for (const word of words) {
    if (word === '-' || word === '--') segments.push([])
    else if (word) segments[segments.length - 1]!.push(word)
  }
  // The first part is the place (with INT./EXT.), never a time.
  for (let i = segments.length - 1; i >= 1; i--) {
    const time = timeOfSegment(segments[i]!.join(' '))
    if (time) return time
  }
  return null
}

/** Where a heading parts: a spaced "-" or "--" (or one at either end), any other dash, spaced or not. */
const PART_SEPARATOR = /(?<=^|\s)(?:--?|\uFF0D)(?=\s|$)|[\u2012-\u2015\u2212]/gu
/** What opens a heading before the place (Fountain's): INT., EXT., EST., INT./EXT., I/E, or a forcing ".". */
const HEADING_OPENING = /^(?:(?:INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\s*\/\s*E|E\s*\/\s*I|INT|EXT|EST)(?:\.|\s|$)|\.(?!\.))/i

/** The parts of `text` between its separators, as [start, end) offsets, surrounding whitespace left out. */
function headingParts(text: string): Array<[number, number]> {
  const parts: Array<[number, number]> = []
  let from = 0
  const add = (start: number, end: number) => {
    const part = text.slice(start, end)
    const lead = part.length - part.trimStart().length
    parts.push([start + lead, Math.max(start + lead, end - (part.length - part.trimEnd().length))])
  }
  for (const separator of text.matchAll(PART_SEPARATOR)) {
    add(from, separator.index)
    from = separator.index + separator[0].length
  }
  add(from, text.length)
  return parts
}

/**
 * The place a scene heading names, as typed ("INT. KITCHEN - NIGHT" → "KITCHEN"; a screenwriter's
 * capitals stay, as do "McDONALD'S" and "Mel's Diner"): after INT./EXT. and up to the time of day,
 * so "INT. HOUSE - KITCHEN - NIGHT" is "HOUSE - KITCHEN", as Final Draft reads it. Without a time
 * of ours only the first part counts ("EXT. HARBOUR - DAY FOR NIGHT" is "HARBOUR"). Empty when the
 * heading names no place. Linear in the heading's length whatever it holds.
 */
export function locationFromSlugline(slugline: string): string {
  const text = withoutSceneNumber(withoutNotes(slugline.replace(FORMAT_CHARACTERS, '')))
  const parts = headingParts(text)
  const [start, end] = parts[0]!
  const opening = HEADING_OPENING.exec(text.slice(start, end))
  let placeStart = start + (opening?.[0].length ?? 0)
  placeStart += text.slice(placeStart, end).length - text.slice(placeStart, end).trimStart().length
  const isTime = ([from, to]: [number, number]) => timeOfSegment(text.slice(from, to).normalize('NFKC').split(/\s+/u).join(' ')) !== null
  // The first part is the place unless it is only a time ("NIGHT", "- DAY").
  if (placeStart >= end || isTime([placeStart, end])) return ''
  const timeAt = parts.findIndex((part, i) => i > 0 && isTime(part))
  const last = timeAt === -1 ? parts[0]! : parts[timeAt - 1]!
  return text.slice(placeStart, Math.max(end, last[1])).trim()
}

/**
 * The scene's location once its slugline becomes `slugline`, by the rule of its time of day
 * ({@link sceneTimeAfterSluglineEdit}): filled from the slugline while it is empty, and following
 * the slugline while it is what the slugline said; a location someone typed is never overwritten.
 */
export function sceneLocationAfterSluglineEdit(scene: { slugline: string; location: string }, slugline: string): string {
  if (scene.location.trim() !== '' && scene.location !== locationFromSlugline(scene.slugline)) return scene.location
  return locationFromSlugline(slugline)
}

/**
 * The scene's time of day once its slugline becomes `slugline`: filled from the slugline when it
 * is not set, and following the slugline while it is what the slugline said; a time someone
 * picked that the slugline did not say is never overwritten.
 */
export function sceneTimeAfterSluglineEdit(scene: { slugline: string; timeOfDay: TimeOfDay | null }, slugline: string): TimeOfDay | null {
  if (scene.timeOfDay !== null && scene.timeOfDay !== timeOfDayFromSlugline(scene.slugline)) return scene.timeOfDay
  return timeOfDayFromSlugline(slugline)
}
