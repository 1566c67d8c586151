import { oneLineText, truncated } from './editText'

/** The longest a title part of a still's file name may be (characters), so paths stay well under every system's limit. */
const MAX_TITLE_CHARACTERS = 60

/** Characters no file name may hold on some system (Windows' reserved ones, path separators), and spaces: an underscore instead. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\s]+/g

/**
 * A part of a file name from text typed on the board: one line, without the characters that
 * reorder or hide text, path separators and characters Windows refuses becoming `_`, no leading
 * or trailing dots or underscores (a leading dot hides a file, a trailing one Windows drops), at
 * most `max` characters. May be empty.
 */
export function safeFileNamePart(text: string, max = MAX_TITLE_CHARACTERS): string {
  const safe = oneLineText(text.normalize('NFC'))
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
  const digits = Math.max(3, String(shots.length * 10).length)
  const taken = new Set<string>()
  return shots.map((shot, i) => {
    const parts = [String((i + 1) * 10).padStart(digits, '0'), safeFileNamePart(shot.number, 12), safeFileNamePart(shot.title)].filter(Boolean)
    const base = parts.join('_')
    let name = `${base}.png`
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}.png`
    taken.add(name.toLowerCase())
    return name
  })
}
