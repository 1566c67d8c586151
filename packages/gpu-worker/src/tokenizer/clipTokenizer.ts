import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ModelFolderError } from '../errors'

/** CLIP's special tokens, as they appear in vocab.json. */
export const CLIP_BOS_TOKEN = '<|startoftext|>'
export const CLIP_EOS_TOKEN = '<|endoftext|>'
/** Every Stable-Diffusion text encoder reads exactly this many ids. */
export const CLIP_CONTEXT_LENGTH = 77

/** What a CLIP tokenizer needs besides its vocabulary and merges. */
export type ClipTokenizerOptions = {
  /** Id written after the end-of-text token: 49407 for SD1.x, 0 ("!") for SD2 and SD-Turbo. */
  padTokenId: number
  /** Ids per prompt, including start and end tokens. Defaults to 77. */
  contextLength?: number
}

// CLIP's pre-tokenizer (openai/CLIP simple_tokenizer.py): special tokens, English contractions,
// runs of letters, single digits, and runs of anything else that is not whitespace.
const PRE_TOKENIZER = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+/giu

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Bytes GPT-2/CLIP map to themselves (printable, not whitespace), in vocabulary order. */
function printableBytes(): number[] {
  const printable: number[] = []
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b)
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b)
  for (let b = 0xae; b <= 0xff; b++) printable.push(b)
  return printable
}

/**
 * GPT-2/CLIP's reversible byte → printable-character map, so BPE works on strings without
 * whitespace or control characters.
 */
function bytesToUnicode(): string[] {
  const printable = printableBytes()
  const table = new Array<string>(256)
  let extra = 0
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCodePoint(b) : String.fromCodePoint(256 + extra++)
  }
  return table
}

const BYTE_TO_UNICODE = bytesToUnicode()

/**
 * The 256 byte symbols in the order a CLIP `vocab.json` gives them ids 0–255 (printable bytes
 * first, then the remapped rest), for writing CLIP-format vocabularies.
 */
export function clipByteSymbolsInVocabOrder(): string[] {
  const printable = printableBytes()
  const rest = BYTE_TO_UNICODE.map((_, b) => b).filter((b) => !printable.includes(b))
  return [...printable, ...rest].map((b) => BYTE_TO_UNICODE[b]!)
}
const utf8 = new TextEncoder()

/**
 * CLIP's text clean-up: NFC, HTML entities decoded (twice, as CLIP does), whitespace runs
 * collapsed, trimmed, lower-cased. (CLIP also runs ftfy's mojibake repair; prompts typed into a
 * browser are already valid Unicode, so that step is left out.)
 */
export function cleanClipText(text: string): string {
  let cleaned = text.normalize('NFC')
  for (let pass = 0; pass < 2; pass++) cleaned = decodeHtmlEntities(cleaned)
  return cleaned.replace(/\s+/gu, ' ').trim().toLowerCase()
}

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, body: string) => {
    if (body[0] === '#') {
      const codePoint = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
    }
    return HTML_ENTITIES[body.toLowerCase()] ?? entity
  })
}

/**
 * The byte-pair-encoding tokenizer of CLIP's text encoder, as used by every Stable-Diffusion
 * family model: lower-cased, CLIP's regex pre-tokenizer, byte-level symbols with a `</w>`
 * end-of-word marker, merges applied lowest rank first.
 */
export class ClipTokenizer {
  readonly bosTokenId: number
  readonly eosTokenId: number
  readonly padTokenId: number
  readonly contextLength: number
  private readonly vocab: ReadonlyMap<string, number>
  private readonly mergeRanks: ReadonlyMap<string, number>
  private readonly cache = new Map<string, readonly number[]>()

  /**
   * @param vocab - token → id, as in `tokenizer/vocab.json`; must contain CLIP's two special tokens.
   * @param merges - merge rules in priority order, each "left right" (the `#version` header removed).
   */
  constructor(vocab: ReadonlyMap<string, number>, merges: readonly string[], options: ClipTokenizerOptions) {
    const bos = vocab.get(CLIP_BOS_TOKEN)
    const eos = vocab.get(CLIP_EOS_TOKEN)
    if (bos === undefined || eos === undefined) {
      throw new Error(`the vocabulary has no ${bos === undefined ? CLIP_BOS_TOKEN : CLIP_EOS_TOKEN} token`)
    }
    this.vocab = vocab
    this.bosTokenId = bos
    this.eosTokenId = eos
    this.padTokenId = options.padTokenId
    this.contextLength = options.contextLength ?? CLIP_CONTEXT_LENGTH
    if (this.contextLength < 2) throw new Error('contextLength must leave room for the start and end tokens')
    const ranks = new Map<string, number>()
    merges.forEach((merge, rank) => {
      // First rule wins if a merges file lists a pair twice.
      if (!ranks.has(merge)) ranks.set(merge, rank)
    })
    this.mergeRanks = ranks
  }

  /** The ids of `text` between (and including) the start and end tokens, before truncation and padding. */
  tokenize(text: string): number[] {
    const ids = [this.bosTokenId]
    for (const match of cleanClipText(text).matchAll(PRE_TOKENIZER)) {
      const word = match[0]
      if (word === CLIP_BOS_TOKEN || word === CLIP_EOS_TOKEN) {
        ids.push(word === CLIP_BOS_TOKEN ? this.bosTokenId : this.eosTokenId)
        continue
      }
      ids.push(...this.encodeWord(word))
    }
    ids.push(this.eosTokenId)
    return ids
  }

  /**
   * The text encoder's `input_ids`: truncated to the context length (the end token kept last)
   * and padded with the pad id.
   */
  encode(text: string): Int32Array {
    const ids = this.tokenize(text)
    const out = new Int32Array(this.contextLength).fill(this.padTokenId)
    if (ids.length > this.contextLength) {
      out.set(ids.slice(0, this.contextLength - 1))
      out[this.contextLength - 1] = this.eosTokenId
    } else {
      out.set(ids)
    }
    return out
  }

  private encodeWord(word: string): readonly number[] {
    const cached = this.cache.get(word)
    if (cached) return cached
    let symbols = Array.from(utf8.encode(word), (byte) => BYTE_TO_UNICODE[byte] as string)
    const last = symbols.length - 1
    symbols[last] = `${symbols[last]}</w>`
    symbols = this.applyMerges(symbols)
    // CLIP's unknown token is its end-of-text token; a real vocabulary covers every byte.
    const ids = symbols.map((symbol) => this.vocab.get(symbol) ?? this.eosTokenId)
    if (this.cache.size < 10_000) this.cache.set(word, ids)
    return ids
  }

  private applyMerges(start: string[]): string[] {
    let symbols = start
    while (symbols.length > 1) {
      let bestRank = Number.POSITIVE_INFINITY
      let bestIndex = -1
      for (let i = 0; i < symbols.length - 1; i++) {
        const rank = this.mergeRanks.get(`${symbols[i]} ${symbols[i + 1]}`)
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank
          bestIndex = i
        }
      }
      if (bestIndex < 0) break
      const left = symbols[bestIndex] as string
      const right = symbols[bestIndex + 1] as string
      // Merge every occurrence of the winning pair, left to right, like CLIP's reference code.
      const merged: string[] = []
      for (let i = 0; i < symbols.length; i++) {
        if (i < symbols.length - 1 && symbols[i] === left && symbols[i + 1] === right) {
          merged.push(left + right)
          i++
        } else {
          merged.push(symbols[i] as string)
        }
      }
      symbols = merged
    }
    return symbols
  }
}

/** Parses a merges.txt: one "left right" rule per line, `#version` header and blank lines skipped. */
export function parseMerges(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .filter((line, index) => line.trim() !== '' && !(index === 0 && line.startsWith('#version')))
}

/** Parses a vocab.json into a token → id map. */
export function parseVocab(json: string): Map<string, number> {
  const parsed: unknown = JSON.parse(json)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('vocab.json is not an object')
  const vocab = new Map<string, number>()
  for (const [token, id] of Object.entries(parsed)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new Error(`vocab.json maps ${JSON.stringify(token)} to ${String(id)}, not an id`)
    vocab.set(token, id)
  }
  return vocab
}

/**
 * Reads the pad token a diffusers tokenizer folder declares (special_tokens_map.json or
 * tokenizer_config.json), or `undefined` when neither says.
 */
export async function readDeclaredPadToken(tokenizerDir: string): Promise<string | undefined> {
  for (const file of ['special_tokens_map.json', 'tokenizer_config.json']) {
    let text: string
    try {
      text = await readFile(join(tokenizerDir, file), 'utf8')
    } catch (error) {
      // Not there: the other file may say. Unreadable is not "not there" (the caller says so).
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EACCES' || code === 'EPERM') throw error
      continue
    }
    const parsed = JSON.parse(text) as { pad_token?: unknown }
    const pad = parsed.pad_token
    if (typeof pad === 'string') return pad
    if (typeof pad === 'object' && pad !== null && typeof (pad as { content?: unknown }).content === 'string') {
      return (pad as { content: string }).content
    }
  }
  return undefined
}

/**
 * Loads the CLIP tokenizer of a model folder's `tokenizer/` directory.
 *
 * The pad id is, in order: `padTokenId` when given (the manifest's choice), the pad token the
 * folder declares, else CLIP's end-of-text id (SD1.x's convention).
 */
export async function loadClipTokenizer(tokenizerDir: string, options: { padTokenId?: number } = {}): Promise<ClipTokenizer> {
  let vocab: Map<string, number>
  let merges: string[]
  try {
    vocab = parseVocab(await readFile(join(tokenizerDir, 'vocab.json'), 'utf8'))
    merges = parseMerges(await readFile(join(tokenizerDir, 'merges.txt'), 'utf8'))
  } catch (cause) {
    throw new ModelFolderError(`${tokenizerDir}: cannot read the CLIP tokenizer (vocab.json, merges.txt)`, { cause })
  }
  let padTokenId = options.padTokenId
  if (padTokenId === undefined) {
    const declared = await readDeclaredPadToken(tokenizerDir).catch((cause: unknown) => {
      throw new ModelFolderError(`${tokenizerDir}: unreadable tokenizer config`, { cause })
    })
    padTokenId = (declared === undefined ? undefined : vocab.get(declared)) ?? vocab.get(CLIP_EOS_TOKEN)
  }
  try {
    return new ClipTokenizer(vocab, merges, { padTokenId: padTokenId ?? 0 })
  } catch (cause) {
    throw new ModelFolderError(`${tokenizerDir}: not a CLIP tokenizer`, { cause })
  }
}
