import type { Orientation } from './printOptions'

/**
 * `text` as a CSS string literal: every character outside plain letters, digits, spaces and
 * harmless punctuation is written as a hex escape, so a board name can never end the string or
 * the rule it is put in (a quote, a backslash, a line break, `</style>`).
 */
export function cssString(text: string): string {
  let out = ''
  for (const char of text) {
    out += /^[\p{L}\p{N} .,:;!?()·–—'_-]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `
  }
  return `"${out}"`
}

/**
 * The printed pages' `@page` rule: orientation (the paper size is left to the print dialog, A4
 * or Letter as the printer has it), margins, and in the bottom margin `footer` (board name and
 * date, so a page that strays from the pile says where it belongs) and "Page 2 of 5".
 */
export function pageRule(orientation: Orientation, footer: string): string {
  const small = 'font: 8pt ui-sans-serif, system-ui, sans-serif; color: #6b6e76;'
  return `@page {
  size: ${orientation};
  margin: 12mm 12mm 14mm;
  @bottom-left { content: ${cssString(footer)}; ${small} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${small} }
}`
}
