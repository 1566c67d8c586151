import type { Follower } from '../sync/presentingPresence'

/** How a follower is named to the presenter: their name, a client's marked as such. */
function nameOf({ name, client }: Follower): string {
  if (client) return name === null ? 'a client on a review link' : `${name} (client)`
  return name ?? 'someone'
}

/** "Ben", "Ben and Dana (client)", "Ben, Cleo and Dana (client)". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * What the presenter is told of who follows them: a short count for the header ("3 following")
 * and the whole list for its tooltip and screen readers ("Followed by Ben, Cleo and Dana (client)"),
 * or, while the presenter's connection is down (`online` false), that nobody sees their steps.
 */
export function followersSummary(followers: readonly Follower[], online = true): { count: string; detail: string } {
  // Offline, the last followers known are stale: nobody receives the presenter's steps.
  if (!online) return { count: 'offline: nobody sees your steps', detail: 'Your connection is down: whoever followed you sees your last shot until it is back' }
  if (followers.length === 0) return { count: 'nobody following', detail: 'Nobody follows you now: whoever on the board opens Present, or a review link, follows you' }
  return { count: `${followers.length} following`, detail: `Followed by ${listed(followers.map(nameOf))}` }
}
