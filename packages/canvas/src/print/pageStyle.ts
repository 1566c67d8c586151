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

/** The foot's band at the bottom of a page, inside print.css's bottom padding of the sheet (14 mm). */
const FOOT_HEIGHT = '10mm'
/** The page's side margins, as print.css pads the sheet. */
const SIDE = '12mm'

/**
 * The printed pages' `@page` rule: orientation (the paper size is left to the print dialog, A4
 * or Letter as the printer has it) and in the bottom band `footer` (board name and date, so a
 * page that strays from the pile says where it belongs) and "Page 2 of 5".
 *
 * The page has no margin: Chrome prints its own header and footer (its dialog's "Headers and
 * footers") only into the page's margins, beside ours. The sheet's padding, repeated on every
 * page, is the margin instead (print.css), and the foot's boxes reach up into it.
 */
export function pageRule(orientation: Orientation, footer: string): string {
  const small = 'font: 8pt ui-sans-serif, system-ui, sans-serif; color: #6b6e76;'
  return `@page {
  size: ${orientation};
  margin: 0;
  @bottom-left { content: ${cssString(footer)}; margin-top: -${FOOT_HEIGHT}; margin-left: ${SIDE}; ${small} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); margin-top: -${FOOT_HEIGHT}; margin-right: ${SIDE}; ${small} }
}`
}
