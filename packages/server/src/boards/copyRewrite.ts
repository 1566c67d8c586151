import { assetUrl } from '@storyloom/shared/api/assets'

/**
 * What changes in a board's values when it is copied: a copy has its own takes (new version
 * ids) and serves its files through its own asset URLs, so the copy stays whole when the
 * original is deleted and the two never point into each other's rows.
 *
 * Rewrites every string in a JSON value (records, a take's params and files): one that is the id
 * of a copied take becomes the copy's id (a shot's `activeVersionId`, a generation's
 * `parentVersionId`), and an asset URL of the original board (`/api/boards/<from>/assets/…`)
 * becomes the copy's. Version ids are random (`v_` + 16 characters), so no other string equals one.
 */
export class CopyRewrite {
  readonly #fromAssets: string
  readonly #toAssets: string

  constructor(
    fromBoardId: string,
    toBoardId: string,
    /** Original take id → the copy's. */
    readonly versionIds: ReadonlyMap<string, string>,
  ) {
    this.#fromAssets = assetUrl(fromBoardId, '')
    this.#toAssets = assetUrl(toBoardId, '')
  }

  /** `value` with its strings rewritten (a new value; the one given is left as it was). */
  value<T>(value: T): T {
    return this.#rewrite(value) as T
  }

  /** A take id of the original as the copy's (unknown ids, and null, stay as they are). */
  versionId<T extends string | null>(id: T): T {
    return (id === null ? id : (this.versionIds.get(id) ?? id)) as T
  }

  #rewrite(value: unknown): unknown {
    if (typeof value === 'string') {
      if (value.startsWith(this.#fromAssets)) return this.#toAssets + value.slice(this.#fromAssets.length)
      return this.versionIds.get(value) ?? value
    }
    if (Array.isArray(value)) return value.map((item) => this.#rewrite(item))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.#rewrite(item)]))
    }
    return value
  }
}
