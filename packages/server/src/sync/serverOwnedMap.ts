import * as Y from 'yjs'

/**
 * A top-level map of the board doc that only the server writes (the `review` map: comment
 * badges and verdicts). Clients get it like the rest of the doc, but a client's change to it is
 * put back, so an editor's misbehaving client cannot fake an approval or hide open comments.
 *
 * The room feeds it every transaction: the server's own changes update a shadow copy, a
 * client's changes mark keys that {@link restore} then sets back from that copy.
 */
export class ServerOwnedMap {
  private readonly map: Y.Map<unknown>
  private readonly shadow = new Map<string, unknown>()
  private readonly touched = new Set<string>()

  constructor(doc: Y.Doc, name: string) {
    this.map = doc.getMap<unknown>(name)
    for (const [key, value] of this.map) this.shadow.set(key, value)
  }

  /** Records what `transaction` changed in the map: by a client (to put back) or by the server. */
  observe(transaction: Y.Transaction, byClient: boolean): void {
    let keys: Set<string | null> | undefined
    // A transaction touches few types; comparing them avoids a cast to Yjs's `any`-typed key.
    for (const [type, changed] of transaction.changed) if ((type as unknown) === this.map) keys = changed
    if (!keys) return
    for (const key of keys) {
      if (key === null) continue
      if (byClient) this.touched.add(key)
      else if (this.map.has(key)) this.shadow.set(key, this.map.get(key))
      else this.shadow.delete(key)
    }
  }

  /** Whether a client changed the map since the last {@link restore}. */
  get changedByClient(): boolean {
    return this.touched.size > 0
  }

  /** Puts back every key a client changed (call inside a server transaction); returns those keys. */
  restore(): string[] {
    const keys = [...this.touched]
    this.touched.clear()
    for (const key of keys) {
      if (this.shadow.has(key)) this.map.set(key, this.shadow.get(key))
      else this.map.delete(key)
    }
    return keys
  }
}
