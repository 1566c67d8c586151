import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'

/** One row of a comparison: a parameter and its value in each version. */
export interface ParamRow {
  label: string
  a: string
  b: string
  differs: boolean
}

function describeList(items: readonly unknown[], describe: (item: never) => string): string {
  return items.length === 0 ? '—' : items.map((item) => describe(item as never)).join(', ')
}

/** What a version says about itself, parameter by parameter, in the words of the UI. */
function describe(version: ShotVersion): [label: string, value: string][] {
  const p = version.params
  const model = version.modelId ? `${version.modelId}${version.builtInModel ? ' (built-in)' : ''}` : '—'
  const source = version.source === 'upload' ? 'Uploaded' : version.source === 'restore' ? 'Brought back' : 'Generated'
  return [
    ['Made by', source],
    ['Prompt', p?.prompt ?? '—'],
    ['Negative prompt', p?.negativePrompt || '—'],
    ['Model', model],
    ['Seed', p ? String(p.seed) : '—'],
    ['Steps', p ? String(p.steps) : '—'],
    ['Guidance', p ? String(p.guidance) : '—'],
    ['Strength', p?.strength !== undefined ? String(p.strength) : '—'],
    ['Size', p ? `${p.width} × ${p.height}` : sizeOfAssets(version)],
    ['References', describeList(p?.references ?? [], (r: { role: string }) => r.role)],
    ['Motion', describeList(p?.motion ?? [], (m: { kind: string }) => m.kind)],
    ['Author', version.authorName],
  ]
}

function sizeOfAssets(version: ShotVersion): string {
  const first = version.assets[0]
  return first?.width && first.height ? `${first.width} × ${first.height}` : '—'
}

/**
 * The parameters of two versions side by side, with the ones that differ marked, so a director
 * sees at a glance what changed between two takes (seed only? another prompt? another model?).
 */
export function diffVersionParams(a: ShotVersion, b: ShotVersion): ParamRow[] {
  const left = describe(a)
  const right = describe(b)
  return left.map(([label, value], i) => {
    const other = right[i]![1]
    return { label, a: value, b: other, differs: value !== other }
  })
}
