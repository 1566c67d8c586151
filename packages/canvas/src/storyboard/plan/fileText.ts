/**
 * The text of an imported file (a screenplay, a shot plan), decoded by its byte order mark:
 * UTF-16 (little or big endian, what Windows editors save as "Unicode") when it says so, else
 * UTF-8, so such a file reads as written instead of as binary data.
 */
export function decodeFileText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  // The decoder drops the byte order mark.
  return new TextDecoder(encoding).decode(bytes)
}
