import { z } from 'zod'

/** Control characters (C0, DEL, C1): invisible or layout-breaking in a list, a title or a file name. */
export const CONTROL_CHARACTERS = /\p{Cc}/u

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
