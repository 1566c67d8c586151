import { diffArrays } from 'diff'

/**
 * Lining up two sequences in order (a board's scenes or shots and a revised script's), as a
 * diff does: what both have, what only the old has and what only the new has, each in its
 * place. Exact matches (equal keys) come from jsdiff's `diffArrays` (Myers' diff, a longest
 * common subsequence, so repeated keys are matched in order); what is left between two exact
 * matches is then paired by similarity, so an item edited a little still lines up.
 */

/** One step of an alignment, in order: an item both have (old and new index), or one only one side has. */
export type AlignmentStep =
  | { readonly kind: 'both'; readonly old: number; readonly new: number }
  | { readonly kind: 'old'; readonly old: number }
  | { readonly kind: 'new'; readonly new: number }

export interface AlignmentOptions<T> {
  /** What makes two items the same; an empty key never matches anything. */
  readonly key: (item: T) => string
  /** Whether two items with different keys are still the same item, edited; none: exact keys only. */
  readonly similar?: (old: T, next: T) => boolean
}

/**
 * Edits past which the exact diff gives up (it costs about (old + new) × edits) and a greedy
 * in-order match of equal keys stands in: two sequences this different share little anyway.
 */
const MAX_EDIT_LENGTH = 1000
/**
 * Largest old × new run, between two exact matches, paired by similarity (a table of that
 * size); a larger run is left unpaired: its old items kept, its new ones added.
 */
const MAX_SIMILARITY_PAIRS = 250_000

/** The steps that turn `olds` into `news`, in order; old-only steps come before new-only ones at the same place. */
export function alignInOrder<T>(olds: readonly T[], news: readonly T[], options: AlignmentOptions<T>): AlignmentStep[] {
  const ids = new Map<string, number>()
  let unique = -1
  const idOf = (item: T) => {
    const key = options.key(item)
    if (key === '') return unique--
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = ids.size))
    return id
  }
  const oldIds = olds.map(idOf)
  const newIds = news.map(idOf)
  const changes = diffArrays(oldIds, newIds, { maxEditLength: MAX_EDIT_LENGTH })
  const exact = changes ? stepsOfChanges(changes) : greedySteps(oldIds, newIds)
  const { similar } = options
  if (!similar) return ordered(exact)
  return pairSimilar(exact, (o, n) => similar(olds[o]!, news[n]!))
}

function stepsOfChanges(changes: readonly { added: boolean; removed: boolean; count: number }[]): AlignmentStep[] {
  const steps: AlignmentStep[] = []
  let o = 0
  let n = 0
  for (const change of changes) {
    for (let i = 0; i < change.count; i++) {
      if (change.removed) steps.push({ kind: 'old', old: o++ })
      else if (change.added) steps.push({ kind: 'new', new: n++ })
      else steps.push({ kind: 'both', old: o++, new: n++ })
    }
  }
  return steps
}

/** Each new item matched to the first unmatched old item with its id after the last match: linear, an in-order match. */
function greedySteps(oldIds: readonly number[], newIds: readonly number[]): AlignmentStep[] {
  const positions = new Map<number, number[]>()
  oldIds.forEach((id, o) => (positions.get(id) ?? positions.set(id, []).get(id)!).push(o))
  const cursor = new Map<number, number>()
  const steps: AlignmentStep[] = []
  let nextOld = 0
  newIds.forEach((id, n) => {
    const at = positions.get(id) ?? []
    let p = cursor.get(id) ?? 0
    while (p < at.length && at[p]! < nextOld) p++
    cursor.set(id, p)
    if (p === at.length) return steps.push({ kind: 'new', new: n })
    while (nextOld < at[p]!) steps.push({ kind: 'old', old: nextOld++ })
    steps.push({ kind: 'both', old: nextOld++, new: n })
  })
  while (nextOld < oldIds.length) steps.push({ kind: 'old', old: nextOld++ })
  return steps
}

/** Calls `run` with each maximal run of unmatched steps (old indices, new indices) and `both` with each match, in order. */
function eachRun(steps: readonly AlignmentStep[], run: (olds: number[], news: number[]) => void, both: (step: AlignmentStep) => void) {
  let olds: number[] = []
  let news: number[] = []
  const flush = () => {
    if (olds.length + news.length > 0) run(olds, news)
    olds = []
    news = []
  }
  for (const step of steps) {
    if (step.kind === 'both') {
      flush()
      both(step)
    } else if (step.kind === 'old') olds.push(step.old)
    else news.push(step.new)
  }
  flush()
}

/** The steps with each unmatched run's old items before its new ones. */
function ordered(steps: readonly AlignmentStep[]): AlignmentStep[] {
  const out: AlignmentStep[] = []
  eachRun(
    steps,
    (olds, news) => out.push(...olds.map((old) => ({ kind: 'old', old }) as const), ...news.map((n) => ({ kind: 'new', new: n }) as const)),
    (step) => out.push(step),
  )
  return out
}

/** The steps with each unmatched run's items paired by `similar`, in order (a longest common subsequence over the run). */
function pairSimilar(steps: readonly AlignmentStep[], similar: (old: number, next: number) => boolean): AlignmentStep[] {
  const out: AlignmentStep[] = []
  eachRun(
    steps,
    (olds, news) => {
      if (olds.length === 0 || news.length === 0 || olds.length * news.length > MAX_SIMILARITY_PAIRS) {
        out.push(...ordered([...olds.map((old) => ({ kind: 'old', old }) as const), ...news.map((n) => ({ kind: 'new', new: n }) as const)]))
        return
      }
      out.push(...similarRun(olds, news, similar))
    },
    (step) => out.push(step),
  )
  return out
}

function similarRun(olds: readonly number[], news: readonly number[], similar: (old: number, next: number) => boolean): AlignmentStep[] {
  const a = olds.length
  const b = news.length
  const width = b + 1
  const same = new Uint8Array(a * b)
  // lcs[i * width + j]: how many pairs olds[i..] and news[j..] have in order.
  const lcs = new Int32Array((a + 1) * width)
  for (let i = a - 1; i >= 0; i--) {
    for (let j = b - 1; j >= 0; j--) {
      const pair = similar(olds[i]!, news[j]!) ? 1 : 0
      same[i * b + j] = pair
      lcs[i * width + j] = Math.max(pair ? lcs[(i + 1) * width + j + 1]! + 1 : 0, lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  const steps: AlignmentStep[] = []
  let i = 0
  let j = 0
  while (i < a || j < b) {
    if (i < a && j < b && same[i * b + j] && lcs[i * width + j] === lcs[(i + 1) * width + j + 1]! + 1) {
      steps.push({ kind: 'both', old: olds[i++]!, new: news[j++]! })
    } else if (i < a && (j === b || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      steps.push({ kind: 'old', old: olds[i++]! })
    } else steps.push({ kind: 'new', new: news[j++]! })
  }
  return steps
}
