import { useEffect, useRef, useState } from 'react'
import { useValue, type Atom } from 'tldraw'
import type { PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import type { ConnectionState } from '../sync/BoardSession'
import type { Follower, Presenter } from '../sync/presentingPresence'

/** The board's room as Present sees it (a BoardSession): who presents, and a way to present. */
export interface PresentingRoom {
  readonly presenters: Atom<readonly Presenter[]>
  /** Who follows this viewer's presentation. */
  readonly followers: Atom<readonly Follower[]>
  /** False on a review link: a client follows the team's presentation, never leads one. */
  readonly canLead: boolean
  /** The board's connection: while it is down, a presenter's steps reach nobody. */
  readonly connection: Atom<ConnectionState>
  present(screen: PresentingScreen | null): void
  /** Tells the presenter whom this viewer follows (their client id; null: nobody). */
  follow(presenterId: number | null): void
}

/** Where this viewer stands while the team presents the board to one another. */
export type PresentingState =
  | { kind: 'alone' }
  | { kind: 'leading'; followers: readonly Follower[]; online: boolean }
  | { kind: 'following'; presenter: Presenter }
  | { kind: 'watching'; presenter: Presenter }

export interface Presenting {
  readonly state: PresentingState
  /** Whether this viewer may present to everyone (a review link may not). */
  readonly canLead: boolean
  lead(): void
  stopLeading(): void
  follow(): void
  stopFollowing(): void
  /** The viewer moved the animatic themselves (a key, a button, a swipe): they stop following. */
  takeOver(): void
}

/** A screen from its fields (effects depend on them, not on the objects that carry them), without those absent. */
function screenOf({ shotId, view, playing, offset, tapped }: Omit<PresentingScreen, 'timing'> & { tapped: boolean | undefined }): PresentingScreen {
  return { shotId, view, playing, ...(offset === undefined ? {} : { offset }), ...(tapped === undefined ? {} : { timing: { tapped } }) }
}

/**
 * "Present to everyone", as a call's screen share would, but each on their own screen at full
 * quality: while this viewer leads, their screen (shot and playhead, player or grid, playing or not,
 * timing to sound or not) goes out through the board's presence, and everyone watching Present
 * follows it — the first time they see that presenter (joining a presentation in progress
 * included), as Figma's spotlight does. Moving the animatic themselves, or Stop following, lets
 * them look around; Follow takes them back. `show` puts a presenter's screen on this one; `ended`
 * is told the last screen of the presenter this viewer followed when they stop (or leave). A
 * client on a review link follows the same way (the server passes review links each presenter's
 * screen and name), but never leads.
 */
export function usePresenting(room: PresentingRoom | undefined, screen: PresentingScreen, show: (screen: PresentingScreen) => void, ended: (last: PresentingScreen) => void): Presenting {
  const presenters = useValue('presenters', () => room?.presenters.get() ?? [], [room])
  const [leading, setLeading] = useState(false)
  const [followingId, setFollowingId] = useState<number | null>(null)
  const seen = useRef(new Set<number>())
  const followed = presenters.find((p) => p.clientId === followingId)
  const followers = useValue('followers', () => room?.followers.get() ?? [], [room])
  const online = useValue('online', () => (room?.connection.get() ?? 'connected') === 'connected', [room])

  // A presentation that starts (or is under way when Present opens) is followed, unless this viewer
  // leads or follows already. Someone who stops and presents again later starts a new one.
  useEffect(() => {
    const now = new Set(presenters.map((p) => p.clientId))
    for (const id of seen.current) if (!now.has(id)) seen.current.delete(id)
    const fresh = presenters.filter((p) => !seen.current.has(p.clientId))
    for (const p of fresh) seen.current.add(p.clientId)
    if (fresh[0] && !leading && followingId === null) setFollowingId(fresh[0].clientId)
  }, [presenters, leading, followingId])

  // The presenter stopped (or left): this viewer stays where the presentation ended, paused there.
  const lastFollowed = useRef<PresentingScreen | null>(null)
  const endedRef = useRef(ended)
  endedRef.current = ended
  useEffect(() => {
    if (followingId === null || followed) return
    setFollowingId(null)
    if (lastFollowed.current) endedRef.current(lastFollowed.current)
  }, [followingId, followed])

  const { shotId, view, playing, offset } = screen
  const tapped = screen.timing?.tapped
  useEffect(() => {
    if (leading) room?.present(screenOf({ shotId, view, playing, offset, tapped }))
  }, [room, leading, shotId, view, playing, offset, tapped])
  // Only when leading ends (or the page closes): no gap in between screens for followers to drop.
  useEffect(() => {
    if (!leading) return
    return () => room?.present(null)
  }, [room, leading])

  // The presenter sees who follows them; leaving Present (unmounting) follows nobody.
  const followedId = followed?.clientId ?? null
  useEffect(() => room?.follow(followedId), [room, followedId])
  useEffect(() => () => room?.follow(null), [room])

  const showRef = useRef(show)
  showRef.current = show
  const followedTapped = followed?.timing?.tapped
  useEffect(() => {
    lastFollowed.current = followed ? screenOf({ ...followed, tapped: followedTapped }) : null
    if (lastFollowed.current) showRef.current(lastFollowed.current)
  }, [followed?.clientId, followed?.shotId, followed?.view, followed?.playing, followed?.offset, followedTapped])

  const state: PresentingState = leading
    ? { kind: 'leading', followers, online }
    : followed
      ? { kind: 'following', presenter: followed }
      : presenters[0]
        ? { kind: 'watching', presenter: presenters[0] }
        : { kind: 'alone' }
  const canLead = room?.canLead ?? false
  return {
    state,
    canLead,
    lead: () => {
      if (!canLead) return
      setFollowingId(null)
      setLeading(true)
    },
    stopLeading: () => setLeading(false),
    follow: () => {
      if (state.kind === 'watching') setFollowingId(state.presenter.clientId)
    },
    stopFollowing: () => setFollowingId(null),
    takeOver: () => setFollowingId(null),
  }
}
