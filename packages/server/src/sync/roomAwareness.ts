/**
 * A room's presence (y-protocols awareness): which awareness client ids each connection
 * controls, fan-out of every change, and removal of a connection's states when it leaves, as
 * the reference y-websocket server does.
 *
 * Client-review connections get reviewers' states, and of the team only who presents the board
 * to everyone, as reviewPresence.ts trims it (their screen and name): the team's presence
 * carries cursors, selections and cursor chat over parts of the board a review link does not
 * show. The team gets everyone's, reviewers included. Nobody gets a reviewer's `presenting`.
 */
import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { Connection } from './connection'
import { presenterStateForReview, reviewerStateForOthers, type AwarenessState } from './reviewPresence'
import { encodeAwarenessMessage } from './syncMessages'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * A presenter's unchanged screen is sent to review connections again at most this often. Their
 * presence lapses after 30 s without an update (y-protocols' timeout), and a team client renews
 * its own every 15 s, so reviewers always get one within 20 s; cursor moves in between are not
 * passed on (nothing of them reaches reviewers).
 */
const PRESENTER_RENEWAL_MS = 5_000

/** A presenter as review connections hold them now. */
type Forwarded = { state: AwarenessState; json: string; sentAt: number }

export class RoomAwareness {
  private readonly awareness: awarenessProtocol.Awareness
  /** Connection → the awareness client ids it has announced. */
  private readonly controlled = new Map<Connection, Set<number>>()
  /** Awareness client ids whose latest state came from a review connection. */
  private readonly reviewerIds = new Set<number>()
  /** Team members presenting, as review connections were sent them; kept while any is connected. */
  private readonly forwarded = new Map<number, Forwarded>()
  private reviewConnections = 0

  /** `shotShown`: whether review links are shown shot `id` (the review projection holds it). */
  constructor(
    doc: Y.Doc,
    private readonly shotShown: (id: string) => boolean,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself has no presence
    this.awareness.on('update', this.onUpdate)
  }

  /** Starts tracking a connection and sends it everyone's current state (a review connection: what it may see). */
  add(conn: Connection): void {
    this.controlled.set(conn, new Set())
    if (conn.review && this.reviewConnections++ === 0) {
      // Presenters were not followed for review links while none was connected.
      this.forwardPresenters([...this.awareness.getStates().keys()].filter((id) => !this.reviewerIds.has(id)), [])
    }
    this.sendAll(conn)
  }

  /** Stops tracking a connection and removes (and announces the removal of) its states. */
  remove(conn: Connection): void {
    const ids = this.controlled.get(conn)
    if (!ids) return
    this.controlled.delete(conn)
    if (conn.review) this.reviewConnections--
    if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null)
    if (this.reviewConnections === 0) this.forwarded.clear()
  }

  /** Applies a client's awareness message. Throws on a malformed update. */
  apply(conn: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn)
  }

  /** Answers `queryAwareness`: every current state (a review connection: reviewers' and presenters'). */
  sendAll(conn: Connection): void {
    const ids = conn.review
      ? [...this.reviewerIds].filter((id) => this.awareness.states.has(id)).concat([...this.forwarded.keys()])
      : [...this.awareness.getStates().keys()]
    if (ids.length > 0) conn.send(this.encode(ids, conn.review))
  }

  destroy(): void {
    this.controlled.clear()
    this.forwarded.clear()
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /** The states of `ids` as the team (or review connections) are sent them; absent ones go as removed. */
  private encode(ids: number[], review: boolean): Uint8Array {
    const states = new Map<number, AwarenessState>()
    for (const id of ids) {
      const state = this.reviewerIds.has(id) ? this.awareness.states.get(id) : review ? this.forwarded.get(id)?.state : this.awareness.states.get(id)
      if (state) states.set(id, this.reviewerIds.has(id) ? reviewerStateForOthers(state) : state)
    }
    return encodeAwarenessMessage(this.awareness, ids, states)
  }

  /**
   * Brings `forwarded` up to date with the team members in `changed` (`removed`: gone) and returns
   * those whose trimmed state review connections must be sent: it changed, it ended, or it is
   * due for renewal.
   */
  private forwardPresenters(changed: number[], removed: number[]): number[] {
    const toSend: number[] = []
    const now = Date.now()
    for (const id of changed) {
      const before = this.forwarded.get(id)
      const state = removed.includes(id) ? null : presenterStateForReview(this.awareness.states.get(id), this.shotShown)
      if (state === null) {
        if (this.forwarded.delete(id)) toSend.push(id)
        continue
      }
      const json = JSON.stringify(state)
      if (before && before.json === json && now - before.sentAt < PRESENTER_RENEWAL_MS) continue
      this.forwarded.set(id, { state, json, sentAt: now })
      toSend.push(id)
    }
    return toSend
  }

  /** Every change (including renewals, which keep others' timeouts fresh) goes to everyone but its sender. */
  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (origin instanceof Connection) {
      const ids = this.controlled.get(origin)
      if (ids) {
        for (const id of added) ids.add(id)
        for (const id of removed) ids.delete(id)
      }
      for (const id of added.concat(updated)) {
        if (origin.review) {
          this.reviewerIds.add(id)
          this.forwarded.delete(id) // never a presenter now (review connections are told below)
        } else this.reviewerIds.delete(id)
      }
    }
    const changed = added.concat(updated, removed)
    if (this.controlled.size > 0) {
      const team = this.encode(changed, false)
      const forReviewers = changed.filter((id) => this.reviewerIds.has(id))
      if (this.reviewConnections > 0) forReviewers.push(...this.forwardPresenters(changed.filter((id) => !this.reviewerIds.has(id)), removed))
      const reviewerMessage = forReviewers.length > 0 ? this.encode(forReviewers, true) : undefined
      for (const conn of this.controlled.keys()) {
        if (conn === origin) continue
        if (!conn.review) conn.send(team)
        else if (reviewerMessage) conn.send(reviewerMessage)
      }
    }
    for (const id of removed) {
      this.reviewerIds.delete(id)
      this.forwarded.delete(id)
    }
  }
}
