import { z } from 'zod'

/** Control characters (C0, DEL, C1): invisible or layout-breaking in a list, a title or a file name. */
export const CONTROL_CHARACTERS = /\p{Cc}/u

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder
 * the characters after them, even past the end of the name, so what shows is not what was typed.
 * The marks (LRM, RLM, ALM) are not among them: right-to-left writers type them, and a mark acts
 * as an invisible letter of its direction would, reordering nothing an ordinary letter could not.
 */
const REORDERING_CHARACTERS = /[\u202A-\u202E\u2066-\u2069]/u

/**
 * Characters that carry or change text without showing it: tag characters (invisible ASCII),
 * interlinear annotations, and the deprecated format characters U+206A–U+206F. Tags are kept in
 * a subdivision flag (a black flag, a region and subdivision code in tags, a cancel tag: the flags
 * of Scotland, Wales, England), which is all they are for now.
 */
const HIDING_CHARACTERS = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{3,7}\u{E007F})|[\u{E0000}-\u{E007F}\uFFF9-\uFFFB\u206A-\u206F]/gu

/**
 * A character that shows: not whitespace, nor a default-ignorable one (zero-width space and
 * joiners, marks, variation selectors, Hangul fillers …), which are fine between others but
 * leave a name or a comment that is only them looking empty.
 */
const VISIBLE_CHARACTER = /[^\s\p{Default_Ignorable_Code_Point}]/u

const reordersText = (text: string) => REORDERING_CHARACTERS.test(text)
const withoutReorderingCharacters = (text: string) => text.replace(new RegExp(REORDERING_CHARACTERS, 'gu'), '')
const hidesText = (text: string) => [...text.matchAll(HIDING_CHARACTERS)].some(([, flag]) => flag === undefined)

/** Whether `text` has a character that shows (see VISIBLE_CHARACTER). */
export function showsSomething(text: string): boolean {
  return VISIBLE_CHARACTER.test(text)
}

/**
 * Refuses, in text a person typed, the characters that reorder or hide text; `subject` starts the
 * messages ("name", "a comment"), which say which kind of character was refused.
 */
export function refuseReorderingOrHidingCharacters(text: z.ZodString, subject: string): z.ZodString {
  return text
    .refine((value) => !reordersText(value), `${subject} must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)`)
    .refine((value) => !hidesText(value), `${subject} must not contain characters that hide text (tags, interlinear annotations, deprecated format characters)`)
}

/**
 * `name` set apart from the sentence it is put in, for text that cannot hold a `<bdi>` (an
 * aria-label, a title attribute, a toast, the document title): between U+2068 FIRST STRONG
 * ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, an Arabic or Hebrew name no longer carries the
 * punctuation around it to its side. Characters that reorder text are dropped from the name (the
 * typed-name rule refuses them, but a name may come from elsewhere): one would end the isolate
 * early or run on past it.
 */
export function isolatedName(name: string): string {
  return `\u2068${withoutReorderingCharacters(name)}\u2069`
}

/** Control characters that part words (tab, line breaks, NEL): a space where they are dropped. */
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085]/g

/**
 * `text` as the typed-name rule took it before it refused more than control characters: those
 * dropped (those that part words become a space), surrounding whitespace trimmed. For names saved
 * before that rule (migration 0007); may be empty.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(SPACING_CONTROLS, ' ').replace(/\p{Cc}/gu, '').trim()
}

/**
 * `text` without the characters that reorder or hide text (subdivision flags keep their tags),
 * surrounding whitespace trimmed, and empty if nothing of it shows. For names, labels and
 * comments saved before the rule refused them (migration 0008), and for what a reviewer pastes
 * (chat apps wrap names in isolates), before it is sent; line breaks stay.
 */
export function withoutReorderingOrHidingCharacters(text: string): string {
  const kept = withoutReorderingCharacters(text)
    .replace(HIDING_CHARACTERS, (_hidden, flag: string | undefined) => flag ?? '')
    .trim()
  return showsSomething(kept) ? kept : ''
}

/**
 * A name as a person typed it (a board, a snapshot, an account): surrounding whitespace is
 * dropped, and it must have 1–`max` characters, show something, and have no control characters
 * nor characters that reorder or hide text.
 */
export function typedNameSchema(max: number, messages: { empty: string; tooLong: string }) {
  const name = z
    .string()
    .trim()
    // Nothing left: said once, not again by the check that it shows something.
    .min(1, { error: messages.empty, abort: true })
    .max(max, messages.tooLong)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'name must not contain control characters')
  return refuseReorderingOrHidingCharacters(name, 'name').refine(showsSomething, messages.empty)
}

/**
 * An optional label as a person typed it (a share link's, a take's): surrounding whitespace is
 * dropped, it has at most `max` characters and no control characters nor characters that reorder
 * or hide text; one that shows nothing is no label ('').
 */
export function typedLabelSchema(max: number) {
  const label = z
    .string()
    .trim()
    .max(max, `label must be at most ${max} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'label must not contain control characters')
  return refuseReorderingOrHidingCharacters(label, 'label').overwrite((value) => (showsSomething(value) ? value : ''))
}

/**
 * A person's name that arrives without a form they could correct it in (the name a device saved,
 * sent along with a request): control characters and characters that reorder or hide text are
 * dropped rather than refused, surrounding whitespace trimmed. May be empty.
 */
export function cleanedPersonName(text: string): string {
  return withoutReorderingOrHidingCharacters(withoutControlCharacters(text))
}
