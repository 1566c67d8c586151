/**
 * Whether a file read as text is binary data instead (a picture, an archive, UTF-16 without its
 * byte order mark), so an import can say so rather than report the noise as a broken file.
 */

/**
 * Characters no text file holds: NUL and the other C0 controls but tab, line feed, form feed and
 * carriage return, and U+FFFD, what a byte that is not UTF-8 decodes to.
 */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/gu

/**
 * Share of such characters past which the file is binary data rather than text with a few
 * characters spoilt by another encoding (a Windows-1252 café).
 */
const NOT_TEXT_SHARE = 0.02

/** True when `text` (a file decoded as UTF-8 or by its byte order mark) holds binary data. */
export function holdsBinaryData(text: string): boolean {
  const odd: readonly string[] = text.match(NOT_TEXT) ?? []
  // A NUL is never in text: UTF-16 without its byte order mark, or binary data.
  return odd.includes('\u0000') || odd.length > text.length * NOT_TEXT_SHARE
}
