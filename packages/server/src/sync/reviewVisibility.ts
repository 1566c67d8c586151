/**
 * Which of a board's records a client-review link is shown: what the presentation draws, and
 * nothing else (see docs/review-api.md). The presentation plays every shot of the board in
 * sequence order and draws the sketch inside each shot, so it needs:
 *
 * - every shot, with the shapes it is drawn in (its ancestor frames or groups and its page, for
 *   its page transform) and every shape drawn inside it (its descendants: the sketch);
 * - the asset records those shapes show (a shot's image or clip, an image in a sketch);
 * - the camera moves drawn on a shot (motion annotations bound to it), which say how the shot
 *   moves (shotCameraMoves.ts in the canvas);
 * - bindings between two shown shapes (an arrow of a sketch bound to another sketch shape, a
 *   camera move's binding to its shot);
 * - every scene (reading order and numbers count every scene), the board settings (numbering,
 *   frame rate) and tldraw's document record.
 *
 * A board without any shot still shows its first page, since a board doc without a page is
 * broken. Everything else — sticky notes, text, references, a subject's path, other pages — is not.
 *
 * Kept as indexes over the board's records (parents, shots below each shape, asset users,
 * binding ends) so that a change costs work in proportion to what it moves, never a scan of
 * the board.
 */

/** The fields of a stored record the indexes look at (paths and other props are never read). */
type StoredRecord = {
  readonly typeName?: unknown
  readonly type?: unknown
  readonly parentId?: unknown
  readonly index?: unknown
  readonly fromId?: unknown
  readonly toId?: unknown
  readonly props?: unknown
}

/** The binding that ties a motion annotation to its shot (annotationBinding.ts). */
const ANNOTATION_BINDING = 'annotation'

/** Record types shown whole, whatever else the board holds. */
const ALWAYS_SHOWN_TYPES: ReadonlySet<string> = new Set(['document', 'scene', 'board_settings'])

function typeNameOf(id: string): string {
  return id.slice(0, id.indexOf(':'))
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The asset a shape shows: a shot's image or clip, or an image or video shape's file. */
function assetIdOf(record: StoredRecord): string | undefined {
  const props = record.props as { assetId?: unknown; media?: { assetId?: unknown } | null } | undefined
  if (record.type === 'shot') return asString(props?.media?.assetId)
  return asString(props?.assetId)
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(value)
}

function deleteFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (!set) return
  set.delete(value)
  if (set.size === 0) map.delete(key)
}

/** The review visibility of one board's records, updated record by record. */
export class ReviewVisibility {
  /** Shape → its parent (a page or a shape). */
  private readonly parentOf = new Map<string, string>()
  private readonly childrenOf = new Map<string, Set<string>>()
  private readonly shots = new Set<string>()
  /** Shape or page → how many shots its subtree holds (itself not counted). Absent: none. */
  private readonly shotsBelow = new Map<string, number>()
  private readonly assetOf = new Map<string, string>()
  private readonly assetUsers = new Map<string, Set<string>>()
  private readonly bindingEnds = new Map<string, readonly [string, string]>()
  private readonly bindingsOf = new Map<string, Set<string>>()
  /** Annotation binding → its camera move (a motion shape that is not a subject's path). */
  private readonly moveOf = new Map<string, string>()
  /** Shape → whether it is a camera move (a motion shape that is not a subject's path). */
  private readonly cameraMoves = new Set<string>()
  /** Page → its fractional index, to find the first page. */
  private readonly pages = new Map<string, string>()
  private fallbackPage: string | undefined
  private pagesChanged = false

  /**
   * Indexes the current value of record `id` (`undefined`: removed) and adds to `dirty` every
   * record whose visibility may have changed with it (itself included). Call {@link settle}
   * after a batch.
   */
  update(id: string, record: StoredRecord | undefined, dirty: Set<string>): void {
    dirty.add(id)
    switch (typeNameOf(id)) {
      case 'shape':
        this.updateShape(id, record, dirty)
        break
      case 'binding':
        this.updateBinding(id, record, dirty)
        break
      case 'page':
        if (record) this.pages.set(id, asString(record.index) ?? '')
        else this.pages.delete(id)
        this.pagesChanged = true
        break
    }
  }

  /**
   * Finishes a batch of {@link update}s: picks the page a board without shots shows, and adds
   * the bindings and assets of every dirty shape to `dirty`.
   */
  settle(dirty: Set<string>): void {
    if (this.pagesChanged) {
      this.pagesChanged = false
      const next = this.firstPageIfNoShots()
      if (next !== this.fallbackPage) {
        if (this.fallbackPage !== undefined) dirty.add(this.fallbackPage)
        if (next !== undefined) dirty.add(next)
        this.fallbackPage = next
      }
    }
    for (const id of [...dirty]) {
      const asset = this.assetOf.get(id)
      if (asset !== undefined) dirty.add(asset)
      for (const binding of this.bindingsOf.get(id) ?? []) {
        dirty.add(binding)
        // A camera move is shown while its shot is: a shot deleted or restored takes it along.
        const move = this.moveOf.get(binding)
        if (move !== undefined) dirty.add(move)
      }
    }
  }

  /** Whether a reviewer is shown record `id` (its current indexed state). */
  isShown(id: string): boolean {
    const typeName = typeNameOf(id)
    if (ALWAYS_SHOWN_TYPES.has(typeName)) return true
    switch (typeName) {
      case 'shape':
        return this.isShownShape(id)
      case 'page':
        return this.shotsBelow.has(id) || id === this.fallbackPage
      case 'asset':
        for (const user of this.assetUsers.get(id) ?? []) if (this.isShownShape(user)) return true
        return false
      case 'binding': {
        const ends = this.bindingEnds.get(id)
        return ends !== undefined && this.isShownShape(ends[0]) && this.isShownShape(ends[1])
      }
      default:
        return false
    }
  }

  /** Whether shape `id` is drawn inside a shot (part of its sketch). */
  isDrawnInShot(id: string): boolean {
    const seen = new Set<string>()
    for (let parent = this.parentOf.get(id); parent !== undefined && !seen.has(parent); parent = this.parentOf.get(parent)) {
      if (this.shots.has(parent)) return true
      seen.add(parent)
    }
    return false
  }

  /** A shot, a shape a shot is in, a shape drawn in a shot, or a camera move drawn on a shot. */
  private isShownShape(id: string): boolean {
    return this.shots.has(id) || this.shotsBelow.has(id) || this.isDrawnInShot(id) || this.isMoveOnShot(id)
  }

  /** A camera move bound to a shot, on a page or shape that is sent (the shot's own, as drawn). */
  private isMoveOnShot(id: string): boolean {
    if (!this.cameraMoves.has(id)) return false
    const parent = this.parentOf.get(id)
    if (parent === undefined || !(this.shotsBelow.has(parent) || this.shots.has(parent))) return false
    for (const binding of this.bindingsOf.get(id) ?? []) {
      const ends = this.bindingEnds.get(binding)
      if (this.moveOf.get(binding) === id && ends !== undefined && this.shots.has(ends[1])) return true
    }
    return false
  }

  private updateShape(id: string, record: StoredRecord | undefined, dirty: Set<string>): void {
    const props = record?.props as { kind?: unknown } | undefined
    if (record?.type === 'motion' && props?.kind !== 'subject') this.cameraMoves.add(id)
    else this.cameraMoves.delete(id)
    const oldParent = this.parentOf.get(id)
    const newParent = record ? asString(record.parentId) : undefined
    const wasShot = this.shots.has(id)
    const isShot = record?.type === 'shot'
    if (oldParent !== newParent || wasShot !== isShot) {
      const below = this.shotsBelow.get(id) ?? 0
      if (oldParent !== undefined) {
        this.addShotsAbove(oldParent, -(below + (wasShot ? 1 : 0)), dirty)
        if (oldParent !== newParent) deleteFrom(this.childrenOf, oldParent, id)
      }
      if (newParent === undefined) this.parentOf.delete(id)
      else this.parentOf.set(id, newParent)
      if (isShot) this.shots.add(id)
      else this.shots.delete(id)
      if (newParent !== undefined) {
        addTo(this.childrenOf, newParent, id)
        this.addShotsAbove(newParent, below + (isShot ? 1 : 0), dirty)
      }
      // Whether a shot is above them may have changed for everything drawn inside it.
      this.addDescendants(id, dirty)
    }
    const oldAsset = this.assetOf.get(id)
    const newAsset = record ? assetIdOf(record) : undefined
    if (oldAsset !== newAsset) {
      if (oldAsset !== undefined) {
        deleteFrom(this.assetUsers, oldAsset, id)
        dirty.add(oldAsset)
      }
      if (newAsset === undefined) this.assetOf.delete(id)
      else {
        this.assetOf.set(id, newAsset)
        addTo(this.assetUsers, newAsset, id)
      }
    }
  }

  /** Adds `delta` shots to `parent` and every shape or page above it, marking them dirty. */
  private addShotsAbove(parent: string, delta: number, dirty: Set<string>): void {
    const seen = new Set<string>()
    for (let at: string | undefined = parent; at !== undefined && !seen.has(at); at = this.parentOf.get(at)) {
      seen.add(at)
      dirty.add(at)
      if (delta === 0) continue
      if (at.startsWith('page:')) this.pagesChanged = true
      const count = (this.shotsBelow.get(at) ?? 0) + delta
      if (count > 0) this.shotsBelow.set(at, count)
      else this.shotsBelow.delete(at)
    }
  }

  private addDescendants(id: string, dirty: Set<string>): void {
    const seen = new Set<string>([id])
    const stack = [...(this.childrenOf.get(id) ?? [])]
    while (stack.length > 0) {
      const child = stack.pop()!
      if (seen.has(child)) continue
      seen.add(child)
      dirty.add(child)
      for (const grandchild of this.childrenOf.get(child) ?? []) stack.push(grandchild)
    }
  }

  private updateBinding(id: string, record: StoredRecord | undefined, dirty: Set<string>): void {
    const old = this.bindingEnds.get(id)
    if (old) for (const end of old) deleteFrom(this.bindingsOf, end, id)
    // A camera move is shown while it is bound to a shot: it comes or goes with its binding.
    const oldMove = this.moveOf.get(id)
    if (oldMove !== undefined) dirty.add(oldMove)
    this.moveOf.delete(id)
    const from = record ? asString(record.fromId) : undefined
    const to = record ? asString(record.toId) : undefined
    if (from === undefined || to === undefined) {
      this.bindingEnds.delete(id)
      return
    }
    if (record?.type === ANNOTATION_BINDING) {
      this.moveOf.set(id, from)
      dirty.add(from)
    }
    this.bindingEnds.set(id, [from, to])
    addTo(this.bindingsOf, from, id)
    addTo(this.bindingsOf, to, id)
  }

  /** The first page (by index, then id) when no page holds a shot. Looks at pages only. */
  private firstPageIfNoShots(): string | undefined {
    let first: [string, string] | undefined
    for (const [page, index] of this.pages) {
      if (this.shotsBelow.has(page)) return undefined
      if (!first || index < first[1] || (index === first[1] && page < first[0])) first = [page, index]
    }
    return first?.[0]
  }
}
