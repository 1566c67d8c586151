import type { FrameRate } from './boardSettingsRecord'
import { MAX_SHOT_DURATION_SECONDS } from './limits'

/**
 * How long dialogue takes to say, one rule for the whole app: the screenplay import lasts a new
 * shot as long as its speeches, and the inspector and the sequence strip say when a shot is too
 * short for the dialogue it holds.
 */

/** Speech read aloud, in words a second. */
const WORDS_PER_SECOND = 2.5
/** Slack for float noise (6.4 typed against 16 words / 2.5) when comparing seconds or frames. */
const EPSILON = 1e-6
/**
 * A speaker's cue at the start of a dialogue line, as the import writes it ("MARY: ", "BOB (V.O.): ")
 * or a writer types it ("Mary: "): up to four words, each starting with a capital, a digit or a
 * letter of a script without case, then their extensions in parentheses, Fountain's caret for a
 * speech said at once with the one before ("STEEL ^: "), a colon and a space. "Listen to me: …"
 * is said, not a cue.
 */
const SPEAKER_CUE = /^\s*[@\p{Lu}\p{Lt}\p{Lo}\p{N}][^\s:()^]*(?:\s+[\p{Lu}\p{Lt}\p{Lo}\p{N}][^\s:()^]*){0,3}(?:\s*\([^()\n]*\))*(?:\s*(?<atOnce>\^))?\s*:(?=\s|$)/u

/**
 * A speaker's cue on a line of its own, as a screenplay lays it out ("MARIE (V.O.)" above her
 * line, "STEEL ^" for dual dialogue): up to four words in capitals with no lower-case letter, the
 * last not ending a sentence ("NO!" is said), then their extensions and the caret. Only a line with
 * more dialogue after it.
 */
const SPEAKER_CUE_LINE = /^\s*(?=.*\p{Lu})(?:[@\p{Lu}\p{N}][^\s\p{Ll}()^]*\s+){0,3}[@\p{Lu}\p{N}](?:[^\s\p{Ll}()^]*[^\s\p{Ll}()!?.,…;:^])?(?:\s*\([^()]*\))*(?:\s*(?<atOnce>\^))?\s*$/u

/** A sung line, as the import writes lyrics ("♪ Row, row, row your boat"): a speech of its own. */
const SUNG_LINE = /^\s*♪/u

/** Words in `text`: runs of non-space holding a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Seconds it takes to say `words` words aloud. */
export function secondsToSay(words: number): number {
  return words / WORDS_PER_SECOND
}

/**
 * Words said aloud in a shot's dialogue as the shot stores it (one speech a line, "MARY: (quietly)
 * You came back.", or as typed, "MARIE (V.O.)" on a line above hers): each line's words without
 * its speaker's cue, lines that are only a cue, and parentheticals. Speeches are said one after
 * the other, except one whose cue ends in Fountain's caret ("STEEL ^: …", as the import writes
 * dual dialogue): it is said at once with the speech before it, and the two last as long as the
 * longer. A speech runs from its cue to the next cue or sung line.
 */
export function spokenWords(dialogue: string): number {
  const lines = dialogue.split('\n')
  const lastLine = lines.findLastIndex((line) => line.trim() !== '')
  let words = 0
  // The longest finished speech said at once with the one being read, and that one's words so far.
  let atOnce = 0
  let speech = 0
  lines.forEach((line, i) => {
    const cue = (i < lastLine ? SPEAKER_CUE_LINE.exec(line) : null) ?? SPEAKER_CUE.exec(line)
    if (cue || SUNG_LINE.test(line)) {
      if (cue?.groups?.atOnce) atOnce = Math.max(atOnce, speech)
      else {
        words += Math.max(atOnce, speech)
        atOnce = 0
      }
      speech = 0
    }
    speech += wordCount(withoutParentheticals(cue ? line.slice(cue[0].length) : line))
  })
  return words + Math.max(atOnce, speech)
}

/**
 * `text` without its parentheticals ("(beat)", "(quietly)"): directions, not said. Nested ones go
 * with the one around them; a "(" never closed is kept, so a typo does not hide the rest. One
 * pass, however deep the nesting.
 */
function withoutParentheticals(text: string): string {
  if (!text.includes('(')) return text
  // +1 where a matched pair opens, -1 after it closes: inside a pair while the sum is above 0.
  const depth = new Int32Array(text.length + 1)
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i)
    else if (text[i] === ')' && open.length > 0) {
      depth[open.pop()!]! += 1
      depth[i + 1]! -= 1
    }
  }
  let said = ''
  let inside = 0
  for (let i = 0; i < text.length; i++) {
    inside += depth[i]!
    said += inside > 0 ? ' ' : text[i]
  }
  return said
}

/** Seconds a shot's dialogue takes to say; 0 with none. */
export function dialogueSeconds(dialogue: string): number {
  return secondsToSay(spokenWords(dialogue))
}

/** A shot too short for its dialogue: how long the dialogue takes to say, in seconds. */
export interface DialogueShortfall {
  readonly needs: number
}

/**
 * Whether a shot of `duration` seconds is too short for its `dialogue`: what the dialogue needs,
 * or null when the shot is long enough, says nothing, or already lasts as long as a shot may.
 */
export function dialogueShortfall(duration: number, dialogue: string): DialogueShortfall | null {
  const needs = dialogueSeconds(dialogue)
  return duration < Math.min(needs, MAX_SHOT_DURATION_SECONDS) - EPSILON ? { needs } : null
}

/**
 * The shortest duration that lasts `seconds` at `fps`: whole frames (so an animatic plays all of
 * the dialogue), written to the millisecond (6.417, not 6.41666…), at most the longest a shot lasts.
 */
export function durationToSay(seconds: number, fps: FrameRate): number {
  const frames = Math.ceil(seconds * fps - EPSILON)
  return Math.min(MAX_SHOT_DURATION_SECONDS, Math.ceil((frames / fps) * 1000 - EPSILON) / 1000)
}
