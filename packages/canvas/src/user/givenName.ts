import { reviewerNameSchema } from '@storyloom/shared/review/shareLinks'
import { withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'
import { isGuestName, namesNoOne, SOMEONE_ON_THE_TEAM } from '@storyloom/shared/people/guestNames'

/**
 * The name a person gave this device (tldraw's user name; with accounts the server names the
 * account instead), to keep on record: none when they never gave one (the "Guest Fox" made up
 * for their cursor names nobody the team knows) or when the server would refuse it; invisible
 * characters pasted with it are dropped first.
 */
export function givenName(name: string | null | undefined): string | undefined {
  if (!name || isGuestName(name)) return undefined
  return reviewerNameSchema.safeParse(withoutReorderingOrHidingCharacters(name)).data
}

/** The name sent with a team comment, reply or resolve: the name the person gave, else {@link SOMEONE_ON_THE_TEAM}. */
export function commentAuthorName(name: string | null | undefined): string {
  return givenName(name) ?? SOMEONE_ON_THE_TEAM
}

/**
 * The names `@` may suggest and record among `names` (board members, earlier commenters, people
 * here now): each person by the name they chose, once; never a made-up "Guest Fox" (nobody the
 * team could reach by it) nor {@link SOMEONE_ON_THE_TEAM}, which names no one.
 */
export function chosenNames(names: Iterable<string>): string[] {
  const chosen = new Set<string>()
  for (const name of names) {
    const given = givenName(name)
    if (given !== undefined && !namesNoOne(given)) chosen.add(given)
  }
  return [...chosen]
}
