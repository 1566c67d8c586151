import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { atom, computed, createTLStore, type Atom, type TLStore } from 'tldraw'
import { canEditDoc, type BoardRole } from '@storyloom/shared/access/roles'
import { readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { readReviewRevision, readShotReviews, readVerdictRevision, reviewMap, type ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { REVIEW_SYNC_PARAM } from '@storyloom/shared/review/shareLinks'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { ACCOUNT_DELETED_REASON, CloseCode, NoticeCode, PASSWORD_CHANGED_REASON, SYNC_PATH, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import { createBoardAssetStore } from '../assets/boardAssetStore'
import { UploadRefusals } from '../assets/uploadRefusals'
import { bindPresence } from './bindPresence'
import { bindStoreToDoc } from './bindStoreToDoc'
import { othersTypeFirst } from './concurrentRecordEdits'
import { undoOwnChangesOnly } from './undoOwnChangesOnly'
import { localCopyName } from './localCopyName'
import { announceReviewer, reviewersOf, type Reviewer } from './reviewerPresence'
import { announceFollowing, announcePresenting, followersOf, presentersOf, type Follower, type Presenter } from './presentingPresence'
import type { PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import { registerNoticeHandler } from './serverNotices'
import { UnsentEdits } from './unsentEdits'
import { keepPresenceAcrossReconnects } from './presenceAcrossReconnects'

/** How this client is connected to the sync server, as the user should understand it. */
export type ConnectionState = 'connecting' | 'connected' | 'offline'

export type BoardPhase =
  /** Waiting for the board: from the server, or from this device's copy. */
  | { kind: 'loading'; offlineWithoutLocalCopy: boolean }
  | { kind: 'ready'; store: TLStore }
  | {
      kind: 'failed'
      /** `outdated`: a review link's copy no longer matches the server's; open a new session. */
      reason: 'not-found' | 'upgrade-required' | 'unusable' | 'forbidden' | 'signed-out' | 'password-changed' | 'account-deleted' | 'outdated'
      /** This device held edits made offline that the server never got (they stay in its copy of the board). */
      unsentEdits?: boolean
    }

/**
 * How long a lost connection may take to come back before the user is told they are offline. A
 * socket also closes for what is over in a moment (a proxy's idle timeout, a server restarting,
 * a phone changing networks); y-websocket then reopens it within a fraction of a second.
 */
export const OFFLINE_GRACE_MS = 4_000

/** Close codes after which reconnecting cannot help; every other close is retried. */
const TERMINAL_CLOSE_CODES = new Set<number>([
  CloseCode.boardNotFound,
  CloseCode.upgradeRequired,
  CloseCode.forbidden,
  CloseCode.unauthorized,
  // Reconnecting with the same doc would be refused again: only a new session (empty doc) helps.
  CloseCode.reviewOutdated,
])

/** The board's review state as the server keeps it in the doc (see shared/review/reviewDoc.ts). */
export type BoardReviewState = { revision: number; verdictRevision: number; shots: ReadonlyMap<string, ShotReviewSummary> }

export type BoardSessionOptions = {
  /**
   * Opens the board through a client-review link: read-only, and nothing is kept on the device
   * (the link can be revoked; a copy in IndexedDB would outlive it).
   */
  reviewToken?: string
}

/**
 * One open board: its Y.Doc, the offline copy in IndexedDB, the connection to the sync server,
 * and — once the doc holds the board — the tldraw store bound to it and to presence.
 *
 * The store is created only when the doc has content (after the first sync, or from this
 * device's copy when offline), because tldraw fills an empty store with a default page and the
 * server is the one that seeds boards.
 */
export class BoardSession {
  readonly phase: Atom<BoardPhase> = atom('board phase', { kind: 'loading', offlineWithoutLocalCopy: false })
  readonly connection: Atom<ConnectionState> = atom('board connection', 'connecting')
  /** Comment counts, verdicts and the revisions that say comments or verdicts changed; live. */
  readonly review: Atom<BoardReviewState> = atom('board review', { revision: 0, verdictRevision: 0, shots: new Map() })
  /** The user's role on the board, once known (from the API, then from the server's notices). */
  readonly role: Atom<BoardRole | undefined> = atom('board role', undefined)
  /** Counts the server's notices that the board's members or open invite links changed: lists of them reload when it moves. */
  readonly membersRevision: Atom<number> = atom('board members revision', 0)
  /** The board's name, once known (from the API, then from the server's notices when it is renamed). */
  readonly name: Atom<string | undefined> = atom('board name', undefined)
  /** Share-link reviewers on the board now (they have no canvas, so no tldraw presence). */
  readonly reviewers: Atom<readonly Reviewer[]> = atom('board reviewers', [], { isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  /** Team members presenting the board to everyone now, and what their screens show (Present). */
  readonly presenters: Atom<readonly Presenter[]> = atom('board presenters', [], { isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  /** Who follows this client's presentation now (the team, and clients on review links). */
  readonly followers: Atom<readonly Follower[]> = atom('board followers', [], { isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) })

  /** Whether this page shows the board's canvas (set by it): presence shares a view only then. */
  readonly onCanvas: Atom<boolean> = atom('board on canvas', false)
  /** Why the server refused this page's recent uploads, for their toasts (see UploadRefusalToasts). */
  readonly uploadRefusals = new UploadRefusals()
  /** Edits made on this device with no connection, not yet sent to the server. */
  readonly unsentEdits: UnsentEdits
  private readonly doc = new Y.Doc()
  private readonly localCopy: IndexeddbPersistence | undefined
  private readonly provider: WebsocketProvider
  private readonly mode = atom<'readonly' | 'readwrite'>('board mode', 'readwrite')
  private store: TLStore | undefined
  private localCopyLoaded = false
  /** Set while a lost connection has {@link OFFLINE_GRACE_MS} to come back before it counts as offline. */
  private offlineTimer: ReturnType<typeof setTimeout> | undefined
  private destroyed = false
  private readonly unbind: (() => void)[] = []
  private readonly noticeListeners = new Set<(notice: SyncNotice) => void>()
  /** Notices that arrived before anyone could show them (e.g. before the canvas mounted). */
  private pendingNotices: SyncNotice[] = []

  constructor(
    readonly boardId: string,
    syncOrigin: string,
    readonly options: BoardSessionOptions = {},
  ) {
    const { reviewToken } = options
    this.unsentEdits = new UnsentEdits(boardId)
    this.localCopy = reviewToken === undefined ? new IndexeddbPersistence(localCopyName(boardId), this.doc) : undefined
    this.provider = new WebsocketProvider(syncOrigin + SYNC_PATH, boardId, this.doc, {
      shouldReconnect: (event) => !TERMINAL_CLOSE_CODES.has(event.code),
      ...(reviewToken === undefined ? {} : { params: { [REVIEW_SYNC_PARAM]: reviewToken } }),
    })
    if (this.localCopy) this.unbind.push(this.unsentEdits.track(this.doc, () => this.provider.wsconnected && this.connection.get() === 'connected'))
    const reviewed = reviewMap(this.doc)
    const onReview = () => this.review.set({
        revision: readReviewRevision(this.doc),
        verdictRevision: readVerdictRevision(this.doc),
        shots: readShotReviews(this.doc),
      })
    reviewed.observe(onReview)
    this.unbind.push(() => reviewed.unobserve(onReview))
    const { awareness } = this.provider
    const onAwareness = () => {
      this.reviewers.set(reviewersOf(awareness))
      this.presenters.set(presentersOf(awareness))
      this.followers.set(followersOf(awareness))
    }
    awareness.on('change', onAwareness)
    this.unbind.push(() => awareness.off('change', onAwareness))

    this.provider.on('status', ({ status }) => {
      // 'connected' means the socket is open; the board counts as connected once it has synced.
      if (status !== 'connected' && !navigator.onLine) this.setConnection('offline')
    })
    this.provider.on('connection-close', this.onConnectionLost)
    keepPresenceAcrossReconnects(this.provider)
    this.provider.on('sync', (synced) => {
      if (!synced) return
      this.unsentEdits.sent()
      this.clearOfflineTimer()
      this.setConnection('connected')
      this.tryOpen()
    })
    this.provider.on('closed', ({ code, reason }) => {
      if (code === CloseCode.boardNotFound) this.fail('not-found')
      else if (code === CloseCode.upgradeRequired) this.fail('upgrade-required')
      else if (code === CloseCode.forbidden) this.fail('forbidden')
      else if (code === CloseCode.unauthorized) this.fail(signedOutReason(reason))
      else if (code === CloseCode.reviewOutdated) this.fail('outdated')
    })
    registerNoticeHandler(this.provider, (notice) => this.notify(notice))
    window.addEventListener('offline', this.onBrowserOffline)
    window.addEventListener('online', this.onBrowserOnline)

    void this.localCopy?.whenSynced.then(() => {
      this.localCopyLoaded = true
      this.tryOpen()
    })
  }

  /** Shows server notices (reverted changes, read-only) to the user; returns an unsubscribe. */
  onNotice(listener: (notice: SyncNotice) => void): () => void {
    this.noticeListeners.add(listener)
    const pending = this.pendingNotices
    this.pendingNotices = []
    pending.forEach(listener)
    return () => this.noticeListeners.delete(listener)
  }

  /** Through a review link: tells the team this reviewer is watching, under the name they typed (blank: none yet). */
  announceReviewer(name: string): void {
    if (this.options.reviewToken !== undefined && !this.destroyed) announceReviewer(this.provider.awareness, name)
  }

  /** Whether this session may present the board to everyone: the team's may, a review link's may not. */
  get canLead(): boolean {
    return this.options.reviewToken === undefined
  }

  /**
   * Presents the board to everyone: the team and review links watching Present follow `screen`
   * (null: stop). Not through a review link: a client follows, never leads (the server passes
   * nobody a review page's `presenting`).
   */
  present(screen: PresentingScreen | null): void {
    if (this.canLead && !this.destroyed) announcePresenting(this.provider.awareness, screen)
  }

  /** Tells the presenter this client follows them (their awareness client id; null: it follows nobody). */
  follow(presenterId: number | null): void {
    if (!this.destroyed) announceFollowing(this.provider.awareness, presenterId)
  }

  /**
   * Where this user and the last other writer of a record's text field typed at one place,
   * whether the other's text went first (see `othersTypeFirst`): a caret follows the same order.
   */
  othersTypeFirst(recordId: string): boolean {
    return othersTypeFirst(recordsMap(this.doc) as Y.Map<unknown>, recordId)
  }

  /** Sets the user's role: viewers and commenters get a read-only canvas (the server drops their edits anyway). */
  setRole(role: BoardRole): void {
    this.role.set(role)
    this.mode.set(canEditDoc(role) ? 'readwrite' : 'readonly')
  }

  /** Closes the connection and releases the doc; the offline copy stays on the device. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    window.removeEventListener('offline', this.onBrowserOffline)
    window.removeEventListener('online', this.onBrowserOnline)
    this.clearOfflineTimer()
    for (const unbind of this.unbind.splice(0).reverse()) unbind()
    this.provider.destroy()
    void this.localCopy?.destroy()
    this.doc.destroy()
    this.store?.dispose()
  }

  /**
   * The socket closed. The browser saying it is offline is believed at once; otherwise the
   * connection keeps the state it had until it has been down for {@link OFFLINE_GRACE_MS}, so a
   * socket that closes and reopens at once is not announced as "Offline".
   */
  private readonly onConnectionLost = () => {
    if (!navigator.onLine) {
      this.onBrowserOffline()
      return
    }
    if (this.offlineTimer !== undefined || this.connection.get() === 'offline') return
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = undefined
      if (!this.provider.synced) this.setConnection('offline')
    }, OFFLINE_GRACE_MS)
  }

  private clearOfflineTimer(): void {
    clearTimeout(this.offlineTimer)
    this.offlineTimer = undefined
  }

  private readonly onBrowserOffline = () => {
    this.clearOfflineTimer()
    this.setConnection('offline')
  }
  /**
   * Back online after a network drop the socket seemed to survive: the provider reports no change
   * (it never disconnected), so without this the badge would say Offline while edits flow. The
   * socket is opened afresh: one kept from the old network may be dead (or already closed by the
   * server, e.g. for a board deleted meanwhile), and what was written to it offline may never
   * arrive. The new connection's sync sends the server everything it lacks and brings the badge
   * back to Live.
   */
  private readonly onBrowserOnline = () => {
    if (!this.provider.wsconnected) return
    this.provider.disconnect()
    this.provider.connect()
  }

  private setConnection(state: ConnectionState): void {
    if (this.destroyed) return
    this.connection.set(state)
    this.updateLoading()
  }

  /** While loading offline with no copy on this device, say so rather than spin silently. */
  private updateLoading(): void {
    const phase = this.phase.get()
    if (phase.kind !== 'loading') return
    const offlineWithoutLocalCopy = this.connection.get() === 'offline' && this.localCopyLoaded
    if (phase.offlineWithoutLocalCopy !== offlineWithoutLocalCopy) {
      this.phase.set({ kind: 'loading', offlineWithoutLocalCopy })
    }
  }

  private tryOpen(): void {
    if (this.destroyed || this.phase.get().kind !== 'loading') return
    if (!hasBoardContent(this.doc)) {
      // The server seeds every board before it answers, so a synced empty doc is a broken board.
      if (this.provider.synced) this.fail('unusable')
      else this.updateLoading()
      return
    }
    const store = createTLStore({
      schema: boardSchema,
      assets: createBoardAssetStore(this.boardId, this.uploadRefusals),
      collaboration: {
        status: computed('collaboration status', () => (this.connection.get() === 'offline' ? 'offline' : 'online')),
        mode: this.mode,
      },
    })
    undoOwnChangesOnly(store)
    this.store = store
    this.unbind.push(bindStoreToDoc(store, this.doc), bindPresence(store, this.provider.awareness, { onCanvas: this.onCanvas }))
    this.phase.set({ kind: 'ready', store })
  }

  private fail(reason: Extract<BoardPhase, { kind: 'failed' }>['reason']): void {
    if (this.destroyed) return
    this.phase.set({ kind: 'failed', reason, unsentEdits: this.localCopy !== undefined && this.unsentEdits.waiting.get() })
    this.connection.set('offline')
  }

  private notify(notice: SyncNotice): void {
    if (notice.code === NoticeCode.readOnly) this.mode.set('readonly')
    if (notice.code === NoticeCode.accessChanged) this.setRole(notice.role)
    if (notice.code === NoticeCode.boardRenamed) this.name.set(notice.name)
    if (notice.code === NoticeCode.membersChanged) this.membersRevision.update((n) => n + 1)
    if (this.noticeListeners.size === 0) this.pendingNotices.push(notice)
    else this.noticeListeners.forEach((listener) => listener(notice))
  }
}

/** Whether the doc holds a board: tldraw's document record and at least one page. */
function hasBoardContent(doc: Y.Doc): boolean {
  if (!readRecord(doc, 'document:document')) return false
  for (const id of recordsMap(doc).keys()) if (id.startsWith('page:')) return true
  return false
}

/** Why the server ended this session's sync (close 4401), from the close's reason. */
function signedOutReason(reason: string): 'account-deleted' | 'password-changed' | 'signed-out' {
  if (reason === ACCOUNT_DELETED_REASON) return 'account-deleted'
  return reason === PASSWORD_CHANGED_REASON ? 'password-changed' : 'signed-out'
}
