import { holdsBinaryData } from './binaryText'

/**
 * The check that a file picked as a shot plan is JSON text at all: an empty file, binary data or
 * a spreadsheet (the CSV shot list, which nothing reads back) is refused with what it is and what
 * to pick instead, rather than with the JSON parser's complaint about its first character.
 */

const PICK_INSTEAD = 'import the JSON shot plan that Shot plan → Export shot plan (JSON) saves'

/** A first line of comma-, semicolon- or tab-separated fields (or Excel's "sep=;" line), not JSON. */
const SPREADSHEET_LINE = /^(?:sep=.|[^{[\s][^\r\n]*[,;\t])/u

/** Why `text` cannot be a shot plan before it is even parsed; null when it may be one. */
export function shotPlanTextProblem(text: string): string | null {
  const start = text.trimStart()
  if (start === '') return `The file is empty: ${PICK_INSTEAD}`
  if (holdsBinaryData(text)) return `This file is not text (it holds binary data), so it is not a shot plan: ${PICK_INSTEAD}`
  if (SPREADSHEET_LINE.test(start)) {
    return `This is a spreadsheet (CSV), such as the shot list Storyloom exports, which is written for spreadsheets only and cannot be imported: ${PICK_INSTEAD}`
  }
  return null
}
