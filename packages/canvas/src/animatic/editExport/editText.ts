import { withoutControlCharacters, withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'

/**
 * Text typed on the board made safe for an edit file (XML, EDL, a file name): what an editing
 * application shows as a clip's name or comment must be what the team typed, so characters that
 * reorder or hide text (a right-to-left override) and characters XML 1.0 cannot hold (control
 * characters, lone surrogates, U+FFFE/U+FFFF) are dropped rather than escaped.
 */

/** Lone UTF-16 surrogates and the noncharacters U+FFFE/U+FFFF: no XML 1.0 document may hold them. */
const NOT_XML_CHARACTERS = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g

/** `text` on one line (line breaks and tabs become spaces, runs of spaces one), for a name, a title or an EDL comment. */
export function oneLineText(text: string): string {
  return withoutReorderingOrHidingCharacters(withoutControlCharacters(text.replace(NOT_XML_CHARACTERS, ''))).replace(/\s+/g, ' ')
}

/** `text` keeping its line breaks (as `\n`), for a comment an editor reads: other control characters dropped. */
export function multiLineText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return lines
    .map(oneLineText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** `text` cut to at most `max` characters (code points, never half a surrogate pair), with "…" when cut. */
export function truncated(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}
