import { VERSION_ASSET_MAX_SIDE, type ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { APPROVAL_LABELS } from './approvalLabels'
import { unreadableFile } from './versionMedia'

/** One row of a comparison: a parameter and its value in each version. */
export interface ParamRow {
  label: string
  a: string
  b: string
  differs: boolean
  /** The values are text a person typed (a label, a name): shown set apart with <bdi>. */
  typed?: true
}

function describeList(items: readonly unknown[], describe: (item: never) => string): string {
  return items.length === 0 ? '—' : items.map((item) => describe(item as never)).join(', ')
}

/** Rows whose values a person typed. */
const TYPED = new Set(['Label', 'Author'])

/** What a version says about itself, parameter by parameter, in the words of the UI. */
function describe(version: ShotVersion): [label: string, value: string][] {
  const p = version.params
  const model = version.modelId ? `${version.modelId}${version.builtInModel ? ' (built-in)' : ''}` : '—'
  const source = version.source === 'upload' ? 'Uploaded' : version.source === 'restore' ? 'Brought back' : 'Generated'
  return [
    // What a director picks on first: the take's name, star and review state.
    ['Label', version.label || '—'],
    ['Star', version.starred ? '★ Starred' : 'Not starred'],
    ['Approval', APPROVAL_LABELS[version.approval]],
    ['Made by', source],
    ['Prompt', p?.prompt ?? '—'],
    ['Negative prompt', p?.negativePrompt || '—'],
    ['Model', model],
    ['Seed', p ? String(p.seed) : '—'],
    ['Steps', p ? String(p.steps) : '—'],
    ['Guidance', p ? String(p.guidance) : '—'],
    ['Strength', p?.strength !== undefined ? String(p.strength) : '—'],
    ['Size', sizeOf(version)],
    ['References', describeList(p?.references ?? [], (r: { role: string }) => r.role)],
    ['Motion', describeList(p?.motion ?? [], (m: { kind: string }) => m.kind)],
    ['Author', version.authorName],
  ]
}

/** The size asked for (a generation), else the one the server read from the file; an unreadable file says so. */
function sizeOf(version: ShotVersion): string {
  const unreadable = unreadableFile(version)
  if (unreadable) return unreadable === 'damaged' ? 'Unreadable (damaged file)' : `Unreadable (over ${VERSION_ASSET_MAX_SIDE} px a side)`
  if (version.params) return `${version.params.width} × ${version.params.height}`
  const first = version.assets[0]
  return first?.width && first.height ? `${first.width} × ${first.height}` : '—'
}

/**
 * The parameters of two versions side by side, with the ones that differ marked, so a director
 * sees at a glance what changed between two takes (seed only? another prompt? another model?),
 * after how the takes stand: label, star, approval.
 */
export function diffVersionParams(a: ShotVersion, b: ShotVersion): ParamRow[] {
  const left = describe(a)
  const right = describe(b)
  return left.map(([label, value], i) => {
    const other = right[i]![1]
    return { label, a: value, b: other, differs: value !== other, ...(TYPED.has(label) ? { typed: true as const } : {}) }
  })
}
