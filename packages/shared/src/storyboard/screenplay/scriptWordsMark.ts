import { MAX_TEXT_LENGTH } from '../limits'

/**
 * What a screenplay import notes on each shot it writes: the script's action and dialogue it
 * gave the shot, in the shot's meta. The next draft's import matches the shot by those words
 * (the writer's draft against the writer's draft, whatever the team typed since) and compares
 * the shot's words with them to tell words the team typed on the board (kept) from the
 * import's own (which the new draft may replace), as a three-way merge does.
 */

/** The shot meta key the mark is kept under. */
export const SCRIPT_WORDS_META = 'screenplayWords'

/** The action and dialogue an import last gave a shot. */
export interface ScriptWordsMark {
  readonly action: string
  readonly dialogue: string
}

/** The mark of the words a script gives a shot. */
export function scriptWordsMark(words: { readonly action: string; readonly dialogue: string }): ScriptWordsMark {
  return { action: words.action, dialogue: words.dialogue }
}

/** The mark in a shot's meta (written by anyone on the board, so checked: texts no longer than a shot's), if it holds one. */
export function scriptWordsMarkOf(meta: { readonly [key: string]: unknown }): ScriptWordsMark | undefined {
  const mark = meta[SCRIPT_WORDS_META]
  if (typeof mark !== 'object' || mark === null) return undefined
  const { action, dialogue } = mark as Record<string, unknown>
  const text = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT_LENGTH
  return text(action) && text(dialogue) ? { action, dialogue } : undefined
}

/**
 * One of a shot's texts (its action or its dialogue) once the new draft is in: the script's,
 * unless the board's differs from what the last import gave it (its `mark`), i.e. someone typed
 * it on the board, and then `kept` when the script changed it too (both edited: the board's
 * words win and the import says so). With no mark (a shot drawn by hand, or imported before
 * imports kept one) the script's words are taken, as they always were.
 */
export function mergedText(board: string, script: string, mark: string | undefined): { text: string; kept: boolean } {
  if (board === script || mark === undefined || board === mark) return { text: script, kept: false }
  return { text: board, kept: script !== mark }
}
