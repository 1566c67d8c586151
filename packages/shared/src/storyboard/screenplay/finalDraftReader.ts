import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser'
import { dualElements, ScreenplayReadError, type Screenplay, type ScreenplayElement, type SpeechLine } from './screenplayElements'

/**
 * Final Draft (.fdx: XML) read into screenplay elements with fast-xml-parser. What is read:
 * `<FinalDraft><Content>`'s paragraphs by their Type — Scene Heading, Action and General, Shot,
 * Character with the Parenthetical and Dialogue paragraphs after it, Lyrics, Transition — with
 * each paragraph's text the runs of its `<Text>` elements joined (AllCaps runs in capitals, other
 * styles dropped), `<DualDialogue>` as two speeches at once, and the title page's first line as
 * the title. Scene numbers (`Number`) are left out: the board numbers scenes in order. Other
 * paragraph types (act breaks, cast lists, outline) have nothing to board.
 */

const NOT_A_SCREENPLAY = 'This is not a Final Draft or Fountain screenplay'

/** XML's own entities: the only named ones a Final Draft file uses, and the only ones expanded. */
const XML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])

/** True when `text` is XML (and so may be Final Draft) rather than Fountain, which never starts with a tag. */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*<(?:\?xml|!DOCTYPE|!--|[A-Za-z_])/iu.test(text)
}

/** The element each paragraph type (other than a speech's) is read as. */
const ELEMENT_OF_PARAGRAPH: ReadonlyMap<string, 'scene-heading' | 'action' | 'shot' | 'transition' | 'lyrics'> = new Map([
  ['Scene Heading', 'scene-heading'],
  ['Action', 'action'],
  ['General', 'action'],
  ['Shot', 'shot'],
  ['Transition', 'transition'],
  ['Lyrics', 'lyrics'],
])

/** An entity the file declares itself, refused rather than expanded (no billion laughs). */
class UnexpandedEntityError extends Error {}

/**
 * Decodes character references and XML's five entities only: entities the file declares in a
 * DOCTYPE are never registered, so a reference to one stops the reading instead of expanding.
 */
const xmlOnlyEntities: EntityDecoderOptions = {
  setExternalEntities: () => {},
  addInputEntities: () => {},
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.replace(/&(#x[0-9a-f]+|#[0-9]+|[^\s&;]+);/giu, (reference, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference
      }
      const value = XML_ENTITIES.get(name)
      if (value === undefined) throw new UnexpandedEntityError(reference)
      return value
    }),
}

/** One node as fast-xml-parser gives it with preserveOrder: `{ Tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Spaces at the edges of a Text run separate it from the next.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  entityDecoder: xmlOnlyEntities,
})

/** Reads a Final Draft file, or throws a {@link ScreenplayReadError} saying what is wrong with it. */
export function readFinalDraft(file: string): Screenplay {
  // XML allows nothing before its declaration; editors that save a byte order mark or blank
  // lines there still mean the file. Errors count lines as the file has them.
  const lead = /^\uFEFF?\s*/u.exec(file)![0]
  const text = file.slice(lead.length)
  const linesBefore = lead.split('\n').length - 1
  // A file that never names Final Draft's root is some other XML (or HTML): no need to read it.
  if (!/<FinalDraft[\s/>]/u.test(text)) throw new ScreenplayReadError(NOT_A_SCREENPLAY)
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    throw new ScreenplayReadError(`The Final Draft file is not well-formed XML: ${msg} (line ${line + linesBefore}, column ${col})`)
  }
  let document: XmlNode[]
  try {
    document = parser.parse(text) as XmlNode[]
  } catch (error) {
    if (error instanceof UnexpandedEntityError) {
      throw new ScreenplayReadError(`The Final Draft file uses the entity ${error.message}, which it declares itself; Storyloom does not expand such entities`)
    }
    throw new ScreenplayReadError(`The Final Draft file could not be read: ${(error as Error).message}`, { cause: error })
  }
  const root = document.find((node) => tagOf(node) !== null)
  if (!root || tagOf(root) !== 'FinalDraft') throw new ScreenplayReadError(NOT_A_SCREENPLAY)
  const content = childrenOf(root).find((node) => tagOf(node) === 'Content')
  if (!content) throw new ScreenplayReadError('The Final Draft file has no script in it (no <Content>)')
  const titlePage = childrenOf(root).find((node) => tagOf(node) === 'TitlePage')
  return { format: 'final-draft', title: titleOf(titlePage), elements: elementsOf(childrenOf(content)) }
}

/** The screenplay elements of a run of paragraphs (the script's content, or one side of dual dialogue). */
function elementsOf(nodes: readonly XmlNode[]): ScreenplayElement[] {
  const elements: ScreenplayElement[] = []
  let speech: { character: string; lines: SpeechLine[] } | null = null
  const endSpeech = () => {
    if (speech && speech.lines.length > 0) elements.push({ kind: 'speech', speech })
    speech = null
  }
  for (const node of nodes) {
    const tag = tagOf(node)
    // Final Draft wraps dual dialogue in a paragraph of its own; older files put it in Content.
    const dual = tag === 'DualDialogue' ? node : tag === 'Paragraph' ? childrenOf(node).find((child) => tagOf(child) === 'DualDialogue') : undefined
    if (dual) {
      endSpeech()
      const speeches = elementsOf(childrenOf(dual)).flatMap((element) => (element.kind === 'speech' ? [element.speech] : []))
      elements.push(...dualElements(speeches))
      continue
    }
    if (tag !== 'Paragraph') continue
    const text = paragraphText(node)
    const type = attributesOf(node)['Type']
    if (type === 'Character') {
      endSpeech()
      speech = { character: text, lines: [] }
      continue
    }
    if (type === 'Parenthetical' || type === 'Dialogue') {
      // A dialogue paragraph with no character before it is still said.
      speech ??= { character: '', lines: [] }
      if (text) speech.lines.push({ kind: type === 'Dialogue' ? 'dialogue' : 'parenthetical', text })
      continue
    }
    endSpeech()
    if (!text) continue
    // Act breaks, cast lists, outline paragraphs and the like have nothing to board.
    const kind = type === undefined ? undefined : ELEMENT_OF_PARAGRAPH.get(type)
    if (kind) elements.push({ kind, text })
  }
  endSpeech()
  return elements
}

/** The title page's first line with text in it (Final Draft's title page is free-form; the title comes first). */
function titleOf(titlePage: XmlNode | undefined): string | null {
  const content = titlePage ? childrenOf(titlePage).find((node) => tagOf(node) === 'Content') : undefined
  for (const paragraph of content ? childrenOf(content) : []) {
    const text = tagOf(paragraph) === 'Paragraph' ? paragraphText(paragraph) : ''
    if (text) return text
  }
  return null
}

/** A paragraph's text: its Text runs joined, AllCaps runs in capitals, each line trimmed at its end. */
function paragraphText(paragraph: XmlNode): string {
  const runs = childrenOf(paragraph)
    .filter((node) => tagOf(node) === 'Text')
    .map((run) => {
      const text = textOf(run)
      return (attributesOf(run)['Style'] ?? '').split('+').includes('AllCaps') ? text.toUpperCase() : text
    })
  return runs
    .join('')
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
}

/** All the text inside `node`, in order. */
function textOf(node: XmlNode): string {
  if (typeof node['#text'] === 'string') return node['#text']
  return childrenOf(node).map(textOf).join('')
}

/** The element's tag, or null for text, comments and the XML declaration. */
function tagOf(node: XmlNode): string | null {
  const tag = Object.keys(node).find((key) => key !== ':@')
  return tag === undefined || tag.startsWith('#') || tag.startsWith('?') ? null : tag
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node)
  const children = tag === null ? undefined : node[tag]
  return Array.isArray(children) ? (children as XmlNode[]) : []
}

function attributesOf(node: XmlNode): Record<string, string | undefined> {
  return (node[':@'] as Record<string, string> | undefined) ?? {}
}
