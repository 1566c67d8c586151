import { holdsBinaryData } from '../binaryText'
import { ScreenplayReadError } from './screenplayElements'

/**
 * The check that a screenplay file's text is a script at all: what people pick by mistake (a PDF of the script, a Word document, binary data renamed .fountain) is
 * refused with what it is and what to export instead, rather than boarded as noise.
 */

const EXPORT_INSTEAD = 'export the script as Fountain (.fountain) or Final Draft (.fdx)'

/** Files whose first bytes say what they are, and how to name them to the person importing. */
const SIGNATURES: readonly (readonly [RegExp, string])[] = [
  [/^%PDF-/u, 'This is a PDF'],
  // .docx, .odt, .pages and any other zip archive.
  [/^PK\u0003\u0004/u, 'This is a Word document or another zipped file'],
  [/^\{\\rtf/u, 'This is an RTF document'],
]

/** Throws a {@link ScreenplayReadError} saying what `text` is when it is no script's text (see the file's comment). */
export function checkScreenplayText(text: string): void {
  const signature = SIGNATURES.find(([pattern]) => pattern.test(text))
  if (signature) throw new ScreenplayReadError(`${signature[1]}, not a screenplay Storyloom can read: ${EXPORT_INSTEAD}`)
  if (holdsBinaryData(text)) {
    throw new ScreenplayReadError(`This file is not plain text (it holds binary data), so it is not a screenplay Storyloom can read: ${EXPORT_INSTEAD}`)
  }
}
