/** An inclusive byte range of a file. */
export type ByteRange = { start: number; end: number }

/**
 * Parses a `Range` request header for a file of `size` bytes. Only a single `bytes=` range is
 * honoured (what video elements send to seek); anything else — no header, several ranges, a
 * syntax this does not know — yields undefined, meaning "send the whole file", which RFC 9110
 * allows. A range that starts past the end is `'unsatisfiable'` (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last)
    if (length === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (start >= size) return 'unsatisfiable'
  if (end < start) return undefined
  return { start, end }
}
