import type { ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { browserLocales, dateTimeText } from '../app/dateTimeText'

/**
 * A share link's line under its label in the Review link menu: whether it opens and until when,
 * its end in the reader's language ("Active · expires 14 Mar 2026, 16:09", "Active · never
 * expires", "Expired 14 Mar 2026, 16:09", "Turned off"), and whether it needs a passcode.
 */
export function shareLinkStateText(link: Pick<ShareLinkResponse, 'state' | 'expiresAt' | 'hasPasscode'>, locales: readonly string[] = browserLocales()): string {
  const ends = link.expiresAt === null ? null : dateTimeText(link.expiresAt, locales)
  const state = {
    active: ends === null ? 'Active · never expires' : `Active · expires ${ends}`,
    expired: ends === null ? 'Expired' : `Expired ${ends}`,
    revoked: 'Turned off',
  }[link.state]
  return link.hasPasscode ? `${state} · passcode` : state
}
