import { z } from 'zod'

/** Control characters (C0, DEL, C1): invisible or layout-breaking in a list, a title or a file name. */
export const CONTROL_CHARACTERS = /\p{Cc}/u

/** Control characters that part words (tab, line breaks, NEL): a space where they are dropped. */
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085]/g

/**
 * `text` as the typed-name rule takes it: control characters dropped (those that part words
 * become a space), surrounding whitespace trimmed. For names saved before the rule; may be empty.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(SPACING_CONTROLS, ' ').replace(/\p{Cc}/gu, '').trim()
}

/**
 * A name as a person typed it (a board, a snapshot, an account): surrounding whitespace is
 * dropped, and it must have 1–`max` characters and no control characters.
 */
export function typedNameSchema(max: number, messages: { empty: string; tooLong: string }) {
  return z
    .string()
    .trim()
    .min(1, messages.empty)
    .max(max, messages.tooLong)
    .refine((name) => !CONTROL_CHARACTERS.test(name), 'name must not contain control characters')
}
