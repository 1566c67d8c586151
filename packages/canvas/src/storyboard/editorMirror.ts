import { atom, react, type Signal } from 'tldraw'

/** What a mirror needs of the editor: somewhere to register its reactor for disposal. */
interface MirrorOwner {
  readonly disposables: Set<() => void>
}

const mirrors = new WeakMap<MirrorOwner, Map<string, Signal<unknown>>>()

/**
 * `derive()` held in an atom that one reactor keeps equal to it, one per editor and `name`.
 *
 * tldraw's signals re-check every reactor below an atom that changes, and the camera is a store
 * record: each pan or zoom step changes the store, so a `useValue` over a store query or an
 * editor computed is re-checked on every camera frame, once per mounted component (500 shot
 * panels: 1,000 checks per frame). A reader of an atom is not below the store: per frame only
 * the mirror's one reactor is re-checked, and readers run only when the value changes.
 * Imperative code inside a transaction should read the source, not the mirror, which follows
 * it when the transaction's changes are flushed.
 */
export function editorMirror<T>(owner: MirrorOwner, name: string, derive: () => T): Signal<T> {
  let byName = mirrors.get(owner)
  if (!byName) mirrors.set(owner, (byName = new Map()))
  let mirror = byName.get(name) as Signal<T> | undefined
  if (!mirror) {
    const value = atom(name, derive())
    owner.disposables.add(react(`mirror ${name}`, () => value.set(derive())))
    byName.set(name, value)
    mirror = value
  }
  return mirror
}
