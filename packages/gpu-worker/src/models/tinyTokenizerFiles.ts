/**
 * The built-in model's tokenizer files: a CLIP-format vocabulary (byte symbols at CLIP's ids
 * 0–511, start/end tokens at 49406/49407) with merges for a few hundred storyboard words, so
 * the real BPE code path runs. It is not CLIP's vocabulary: the built-in model does not need
 * one, and CLIP's cannot be shipped or downloaded here.
 */
import { clipByteSymbolsInVocabOrder } from '../tokenizer/clipTokenizer'

const WORDS = `a an the of in on at with and or to from by over under into through
shot wide close up medium extreme angle low high eye level overhead dutch pov insert two
camera pan tilt dolly zoom crane orbit handheld track push pull slow fast motion
sky sea ocean beach desert forest jungle mountain mountains hill river lake rain snow fog
mist storm cloud clouds sun sunset sunrise moon night day dawn dusk light dark shadow
city street road alley bridge tower building house room kitchen office window door roof
car train boat ship plane bike horse dog cat bird dragon robot astronaut knight wizard
man woman boy girl child people crowd hero villain face hands eyes portrait figure
red orange yellow green blue purple pink white black gray grey gold golden silver neon
warm cold soft hard bright glowing cinematic dramatic moody epic quiet calm vintage
painting sketch watercolor illustration photo render film noir anime comic storyboard
riding walking running standing sitting flying falling looking holding fighting
fire water ice stone wood glass metal space planet star stars galaxy
`
  .split(/\s+/u)
  .filter(Boolean)

/** `vocab.json` and `merges.txt` contents of the built-in tokenizer. */
export function tinyTokenizerFiles(): { vocabJson: string; mergesTxt: string } {
  const vocab: Record<string, number> = {}
  clipByteSymbolsInVocabOrder().forEach((symbol, id) => {
    vocab[symbol] = id
    vocab[`${symbol}</w>`] = id + 256
  })
  const merges: string[] = []
  const ranks = new Map<string, number>()
  let nextId = 512
  for (const word of WORDS) {
    // Tokenize with the merges so far, then add merges that join what is left, left to right.
    // New merges rank last, so they never change how earlier words split: each listed word
    // ends up as one token, as in a trained vocabulary.
    const symbols = applyMerges([...word].map((c, i, all) => (i === all.length - 1 ? `${c}</w>` : c)), ranks)
    let left = symbols[0] as string
    for (const right of symbols.slice(1)) {
      const merged = left + right
      ranks.set(`${left} ${right}`, merges.length)
      merges.push(`${left} ${right}`)
      if (vocab[merged] === undefined) vocab[merged] = nextId++
      left = merged
    }
  }
  vocab['<|startoftext|>'] = 49406
  vocab['<|endoftext|>'] = 49407
  return { vocabJson: JSON.stringify(vocab), mergesTxt: `#version: 0.2\n${merges.join('\n')}\n` }
}

/** Plain BPE: repeatedly joins the adjacent pair with the lowest rank. */
function applyMerges(start: string[], ranks: ReadonlyMap<string, number>): string[] {
  let symbols = start
  for (;;) {
    let best = -1
    let bestRank = Number.POSITIVE_INFINITY
    for (let i = 0; i < symbols.length - 1; i++) {
      const rank = ranks.get(`${symbols[i]} ${symbols[i + 1]}`)
      if (rank !== undefined && rank < bestRank) {
        bestRank = rank
        best = i
      }
    }
    if (best < 0) return symbols
    symbols = [...symbols.slice(0, best), `${symbols[best]}${symbols[best + 1]}`, ...symbols.slice(best + 2)]
  }
}
