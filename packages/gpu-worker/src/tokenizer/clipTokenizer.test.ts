import { mkdtemp, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClipTokenizer, cleanClipText, loadClipTokenizer, parseMerges } from './clipTokenizer'
import { ModelFolderError } from '../errors'

// The real CLIP vocab/merges (49408 tokens) are not available here: no npm package ships them
// and model hubs are unreachable. This vocabulary is hand-made with CLIP's layout: ids 0–255 are
// the byte symbols in bytes_to_unicode order, 256–511 the same with `</w>`, and the words of the
// reference prompt carry their real CLIP ids (an 550, astronaut 18376, riding 6765, a 320,
// horse 4558), built by hand-written merges.
function byteSymbols(): string[] {
  const printable: number[] = []
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b)
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b)
  for (let b = 0xae; b <= 0xff; b++) printable.push(b)
  const symbols = printable.map((b) => String.fromCodePoint(b))
  let extra = 0
  for (let b = 0; b < 256; b++) if (!printable.includes(b)) symbols.push(String.fromCodePoint(256 + extra++))
  return symbols
}

const MERGES = [
  'a n</w>',
  'h o', 'ho r', 'hor s', 'hors e</w>',
  'r i', 'ri d', 'rid i', 'ridi n', 'ridin g</w>',
  'a s', 'as t', 'ast r', 'astr o', 'astro n', 'astron a', 'astrona u', 'astronau t</w>',
]

function referenceVocab(): Map<string, number> {
  const vocab = new Map<string, number>()
  byteSymbols().forEach((symbol, id) => {
    vocab.set(symbol, id)
    vocab.set(`${symbol}</w>`, id + 256)
  })
  // Intermediate merge results get ids after the byte symbols; whole words get CLIP's ids.
  MERGES.forEach((merge, rank) => vocab.set(merge.replace(' ', ''), 512 + rank))
  vocab.set('an</w>', 550)
  vocab.set('horse</w>', 4558)
  vocab.set('riding</w>', 6765)
  vocab.set('astronaut</w>', 18376)
  vocab.set('<|startoftext|>', 49406)
  vocab.set('<|endoftext|>', 49407)
  return vocab
}

const sd1 = () => new ClipTokenizer(referenceVocab(), MERGES, { padTokenId: 49407 })

describe('ClipTokenizer', () => {
  it('turns the reference prompt into CLIP ids (hand-made vocab carrying the real ids)', () => {
    expect(sd1().tokenize('An astronaut riding a horse')).toEqual([49406, 550, 18376, 6765, 320, 4558, 49407])
  })

  it('pads to 77 with the pad id the model family uses', () => {
    const sd1Ids = sd1().encode('a horse')
    expect(sd1Ids.length).toBe(77)
    expect(Array.from(sd1Ids.slice(0, 5))).toEqual([49406, 320, 4558, 49407, 49407])
    const sd2Ids = new ClipTokenizer(referenceVocab(), MERGES, { padTokenId: 0 }).encode('a horse')
    expect(Array.from(sd2Ids.slice(0, 5))).toEqual([49406, 320, 4558, 49407, 0])
    expect(sd2Ids[76]).toBe(0)
  })

  it('truncates long prompts and keeps the end token last', () => {
    const ids = sd1().encode('a '.repeat(100))
    expect(ids.length).toBe(77)
    expect(ids[0]).toBe(49406)
    expect(ids[75]).toBe(320)
    expect(ids[76]).toBe(49407)
  })

  it('lower-cases, collapses whitespace and decodes HTML entities before splitting', () => {
    expect(cleanClipText('  An\tASTRONAUT \n riding&amp;a  horse ')).toBe('an astronaut riding&a horse')
    expect(sd1().tokenize('AN   Astronaut\n\nRIDING a HORSE')).toEqual([49406, 550, 18376, 6765, 320, 4558, 49407])
  })

  it('splits digits one by one and punctuation runs apart from letters', () => {
    // Without merges every symbol is a byte token; the last symbol of each word carries </w>.
    const ids = sd1().tokenize('a12,!')
    const vocab = referenceVocab()
    expect(ids).toEqual([49406, vocab.get('a</w>'), vocab.get('1</w>'), vocab.get('2</w>'), vocab.get(','), vocab.get('!</w>'), 49407])
  })

  it("splits English contractions the way CLIP does ('s, 'll …)", () => {
    const vocab = referenceVocab()
    const ids = sd1().tokenize("horse's")
    expect(ids).toEqual([49406, 4558, vocab.get("'"), vocab.get('s</w>'), 49407])
  })

  it('applies merges by rank, not by position', () => {
    const vocab = new Map([['<|startoftext|>', 1], ['<|endoftext|>', 2], ['l', 3], ['o', 4], ['w</w>', 5], ['lo', 6], ['ow</w>', 7]])
    const owFirst = new ClipTokenizer(vocab, ['o w</w>', 'l o'], { padTokenId: 0 })
    const loFirst = new ClipTokenizer(vocab, ['l o', 'o w</w>'], { padTokenId: 0 })
    expect(owFirst.tokenize('low')).toEqual([1, 3, 7, 2])
    expect(loFirst.tokenize('low')).toEqual([1, 6, 5, 2])
  })

  it('encodes non-ASCII text byte by byte, and unknown symbols as the end token', () => {
    const vocab = referenceVocab()
    // "é" is two UTF-8 bytes (0xc3 0xa9); both are byte symbols in CLIP's table.
    expect(sd1().tokenize('é')).toEqual([49406, vocab.get('Ã'), vocab.get('©</w>'), 49407])
    const tiny = new ClipTokenizer(new Map([['<|startoftext|>', 1], ['<|endoftext|>', 2]]), [], { padTokenId: 0 })
    expect(tiny.tokenize('x')).toEqual([1, 2, 2])
  })

  it('parses merges.txt without its #version header', () => {
    expect(parseMerges('#version: 0.2\na n</w>\nh o\n\n')).toEqual(['a n</w>', 'h o'])
  })
})

describe('loadClipTokenizer', () => {
  async function writeTokenizer(extra: Record<string, string> = {}) {
    const dir = await mkdtemp(join(tmpdir(), 'storyloom-tokenizer-'))
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'vocab.json'), JSON.stringify(Object.fromEntries(referenceVocab())))
    await writeFile(join(dir, 'merges.txt'), `#version: 0.2\n${MERGES.join('\n')}\n`)
    for (const [file, text] of Object.entries(extra)) await writeFile(join(dir, file), text)
    return dir
  }

  it('reads a tokenizer folder and uses the pad token it declares', async () => {
    const sd2 = await loadClipTokenizer(await writeTokenizer({ 'special_tokens_map.json': JSON.stringify({ pad_token: '!' }) }))
    expect(sd2.padTokenId).toBe(0)
    expect(sd2.tokenize('An astronaut riding a horse')).toEqual([49406, 550, 18376, 6765, 320, 4558, 49407])
    const sd1Folder = await loadClipTokenizer(await writeTokenizer({ 'tokenizer_config.json': JSON.stringify({ pad_token: { content: '<|endoftext|>' } }) }))
    expect(sd1Folder.padTokenId).toBe(49407)
  })

  it('lets the manifest override the pad id', async () => {
    const tokenizer = await loadClipTokenizer(await writeTokenizer(), { padTokenId: 0 })
    expect(tokenizer.padTokenId).toBe(0)
  })

  it('fails with a ModelFolderError naming the folder when files are missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyloom-empty-'))
    await expect(loadClipTokenizer(dir)).rejects.toThrow(ModelFolderError)
    await expect(loadClipTokenizer(dir)).rejects.toThrow(dir)
  })
})
