/**
 * A screenplay as a sequence of its elements, whatever file it came from: what each reader
 * (Fountain, Final Draft) produces and the one plan builder reads.
 */

/** One line of a speech: a parenthetical ("(quietly)") or what is said. */
export interface SpeechLine {
  readonly kind: 'parenthetical' | 'dialogue'
  readonly text: string
}

/** A character's speech: their name as written ("BOB (V.O.)") and its lines in order. */
export interface Speech {
  readonly character: string
  readonly lines: readonly SpeechLine[]
}

export type ScreenplayElement =
  /** "INT. KITCHEN - NIGHT": a new scene. */
  | { readonly kind: 'scene-heading'; readonly text: string }
  /** An action (description) paragraph. */
  | { readonly kind: 'action'; readonly text: string }
  /** A shot heading ("CLOSE ON MARY"): a new shot, the heading its title. */
  | { readonly kind: 'shot'; readonly text: string }
  | { readonly kind: 'speech'; readonly speech: Speech }
  /** Two speeches said at once (dual dialogue). */
  | { readonly kind: 'dual-speech'; readonly speeches: readonly [Speech, Speech] }
  /** A sung line. */
  | { readonly kind: 'lyrics'; readonly text: string }
  /** "DISSOLVE TO:": how the next shot comes in. */
  | { readonly kind: 'transition'; readonly text: string }

/** A dual dialogue block's element: two speeches at once, or each on its own when it is not two. */
export function dualElements(speeches: readonly Speech[]): ScreenplayElement[] {
  const [first, second] = speeches
  if (speeches.length === 2 && first && second) return [{ kind: 'dual-speech', speeches: [first, second] }]
  return speeches.map((speech) => ({ kind: 'speech', speech }))
}

export type ScreenplayFormat = 'fountain' | 'final-draft'

/** A screenplay as read: its format, its title (from the title page) and its elements in order. */
export interface Screenplay {
  readonly format: ScreenplayFormat
  readonly title: string | null
  readonly elements: readonly ScreenplayElement[]
}

/** A file a reader cannot read as a screenplay; its message says why, for the person importing it. */
export class ScreenplayReadError extends Error {
  override readonly name = 'ScreenplayReadError'
  readonly code = 'screenplay_unreadable'
}
