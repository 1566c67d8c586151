import { asciiText } from './asciiText'
import { truncated } from './editText'

/** The longest a title part of a still's file name may be (characters), so paths stay well under every system's limit. */
const MAX_TITLE_CHARACTERS = 60

/** Characters no file name may hold on some system (Windows' reserved ones, path separators), and spaces: an underscore instead. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\s]+/g

/**
 * A part of a file name from text typed on the board: one line of ASCII (asciiText: accents
 * dropped, what it cannot spell left out — the EDL names each file on its clip, and EDL readers
 * read ASCII), path separators and characters Windows refuses becoming `_`, no leading or
 * trailing dots or underscores (a leading dot hides a file, a trailing one Windows drops), at
 * most `max` characters. May be empty.
 */
export function safeFileNamePart(text: string, max = MAX_TITLE_CHARACTERS): string {
  const safe = asciiText(text)
    .replace(UNSAFE_IN_FILE_NAMES, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
  return truncated(safe, max).replace(/…$/, '').replace(/[._]+$/, '')
}

/**
 * The file names of the stills of `shots`, in the edit's order: a position counting in tens (so
 * the files sort in order, with room for a still put in between by hand), the shot's number and
 * its title — `010_1.2_Opening.png`. Unique, also on a system that ignores case.
 */
export function stillFileNames(shots: readonly { number: string; title: string }[]): string[] {
  const taken = new Set<string>()
  return shots.map((shot, i) => {
    const base = [editPosition(i, shots.length), safeFileNamePart(shot.number, 12), safeFileNamePart(shot.title)].filter(Boolean).join('_')
    return uniqueFileName(base, 'png', taken)
  })
}

/** The `index`th of `count` clips' place in the edit as a file name starts: 010, 020, … (in tens, at least three digits). */
export function editPosition(index: number, count: number): string {
  return String((index + 1) * 10).padStart(Math.max(3, String(count * 10).length), '0')
}

/** `base.extension`, or `base_2.extension`, … when a name in `taken` (lower case) has it, also on a system that ignores case; then taken too. */
export function uniqueFileName(base: string, extension: string, taken: Set<string>): string {
  let name = `${base}.${extension}`
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}.${extension}`
  taken.add(name.toLowerCase())
  return name
}
