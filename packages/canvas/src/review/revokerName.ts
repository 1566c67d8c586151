import { reviewerNameSchema } from '@storyloom/shared/review/shareLinks'
import { withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'
import { isGuestName } from '../user/guestIdentity'

/**
 * The name the team is shown as who turned a link off: this device's (with accounts the server
 * names the account instead). Not sent — the link is turned off all the same, by nobody named,
 * which the menu shows as "someone on the team" — when the person never gave one (the "Guest
 * Fox" made up for their cursor) or when the server would refuse it; invisible characters pasted
 * with it are dropped first.
 */
export function revokerName(name: string | null | undefined): string | undefined {
  if (!name || isGuestName(name)) return undefined
  return reviewerNameSchema.safeParse(withoutReorderingOrHidingCharacters(name)).data
}
