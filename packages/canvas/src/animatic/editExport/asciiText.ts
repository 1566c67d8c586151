/**
 * Text typed on the board as printable ASCII, for a CMX3600 EDL: EDL readers (Avid's EDL
 * Manager, and the EDL importers of Premiere Pro and Resolve) read a line byte by byte, so an em
 * dash from a board's name came through as "â€”" or broke the line. No library in the workspace
 * transliterates, so this is a small mapping of what boards hold in Latin-script languages:
 * dashes and quotes to their ASCII look-alikes, letters with accents to their base letters
 * (Unicode decomposition, accents dropped), the few letters that do not decompose (ß, æ, ø, ł…)
 * spelt as their languages spell them in ASCII. Characters of other scripts, which no such
 * mapping can spell, are left out.
 */

/** What decomposition does not turn into ASCII: punctuation with an ASCII look-alike and letters without an accent to drop. */
const SPELLED: Readonly<Record<string, string>> = {
  // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus.
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  // Single quotes and primes, then double quotes, double primes and guillemets.
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u2039': "'", '\u203A': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2026': '...', '\u2022': '-', '\u00B7': '-', '\u00D7': 'x', '\u2044': '/',
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H',
}
const SPELLED_PATTERN = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g')

/**
 * `text` in printable ASCII (space to `~`): accents dropped (NFKD also turns ligatures and
 * full-width letters into plain ones: ﬁ is fi), spelled as above, anything else left out,
 * white space (line breaks included) one space, trimmed. May be empty (a name in Japanese).
 */
export function asciiText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(SPELLED_PATTERN, (c) => SPELLED[c]!)
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7E]+/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** `asciiText(text)` cut to at most `max` characters, ending in "..." when cut. */
export function asciiTruncated(text: string, max: number): string {
  const ascii = asciiText(text)
  return ascii.length <= max ? ascii : `${ascii.slice(0, max - 3).trimEnd()}...`
}
