import { Fountain, type Token } from 'fountain-js'
import { dualElements, ScreenplayReadError, type Screenplay, type ScreenplayElement, type Speech, type SpeechLine } from './screenplayElements'
import { isShotHeadingLine } from './shotHeadingCamera'

/**
 * Fountain (https://fountain.io, the plain-text format Highland, Slugline, Fade In and Final
 * Draft export) read into screenplay elements with fountain-js. Notes, emphasis and boneyard are
 * taken out; title page lines other than the title, sections, synopses and page breaks are
 * left out (nothing to board).
 */
export function readFountain(text: string): Screenplay {
  let tokens: Token[]
  try {
    tokens = new Fountain().parse(text, true).tokens
  } catch (error) {
    throw new ScreenplayReadError(`This is not a screenplay Storyloom can read: ${(error as Error).message}`, { cause: error })
  }
  const elements: ScreenplayElement[] = []
  let title: string | null = null
  let speech: { character: string; lines: SpeechLine[] } | null = null
  // The speeches of a dual dialogue block, once it has begun.
  let dual: Speech[] | null = null

  for (const token of tokens) {
    const words = plainText(token.text ?? '')
    switch (token.type) {
      case 'title':
        title = words || null
        break
      case 'scene_heading':
        elements.push({ kind: 'scene-heading', text: words })
        break
      case 'action':
      case 'centered':
        if (words) elements.push({ kind: token.type === 'action' && isShotHeadingLine(words) ? 'shot' : 'action', text: words })
        break
      case 'transition':
        elements.push({ kind: 'transition', text: words })
        break
      case 'lyrics':
        if (words) elements.push({ kind: 'lyrics', text: words })
        break
      case 'dual_dialogue_begin':
        dual = []
        break
      case 'dialogue_begin':
        speech = { character: '', lines: [] }
        break
      case 'character':
        if (speech) speech.character = words
        break
      case 'parenthetical':
      case 'dialogue':
        if (speech && words) speech.lines.push({ kind: token.type, text: words })
        break
      case 'dialogue_end':
        if (speech && speech.lines.length > 0) {
          if (dual) dual.push(speech)
          else elements.push({ kind: 'speech', speech })
        }
        speech = null
        break
      case 'dual_dialogue_end':
        if (dual) elements.push(...dualElements(dual))
        dual = null
        break
      // Title page lines other than the title, sections, synopses, notes, page breaks: nothing to board.
    }
  }
  return { format: 'fountain', title, elements }
}

/** Fountain's markup taken out: notes ([[…]]), emphasis (*, **, ***, _) and escapes; runs of spaces kept as typed. */
export function plainText(text: string): string {
  let plain = text.replace(/\[\[[\s\S]*?\]\]/g, '')
  for (let before = ''; before !== plain; ) {
    before = plain
    plain = plain
      .replace(/(?<!\\)(\*{1,3})(?=\S)([\s\S]*?\S)(?<!\\)\1/g, '$2')
      // An underscore inside a word (snake_case) is a character, not underlining.
      .replace(/(?<![\\\p{L}\p{N}])_(?=\S)([\s\S]*?\S)(?<!\\)_(?![\p{L}\p{N}])/gu, '$1')
  }
  return plain
    .replace(/\\([*_\\])/g, '$1')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()
}
