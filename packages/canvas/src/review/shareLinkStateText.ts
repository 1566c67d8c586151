import type { ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { browserLocales, dateTimeText } from '../app/dateTimeText'

/** A share link's line, in parts: `by`, a typed name, is shown isolated (`<bdi>`) after `text`, " · passcode" last. */
export interface ShareLinkStateLine {
  /** Whether it opens and until when, or when it stopped. */
  readonly text: string
  /** Who turned it off, as they were named, when the server knows (else `text` says "by someone on the team"). */
  readonly by: string | null
  readonly passcode: boolean
}

/**
 * A share link's line under its label in the Review link menu: whether it opens and until when,
 * or when it stopped, in the reader's language ("Active · expires 14 Mar 2026, 16:09", "Active ·
 * never expires", "Expired 14 Mar 2026, 16:09", "Turned off 20 Mar 2026, 10:30" by whom), and
 * whether it needs a passcode. A turned-off link whose time the server does not give reads
 * "Turned off". Only the team turns links off, so one whose turner the server was not told (a
 * device whose person gave no name, or before the server kept who) was turned off "by someone on
 * the team": true, where a made-up name ("Guest Fox") was not.
 */
export function shareLinkStateText(
  link: Pick<ShareLinkResponse, 'state' | 'expiresAt' | 'hasPasscode' | 'revokedAt' | 'revokedByName'>,
  locales: readonly string[] = browserLocales(),
): ShareLinkStateLine {
  const ends = link.expiresAt === null ? null : dateTimeText(link.expiresAt, locales)
  const line = (text: string, by: string | null = null) => ({ text, by, passcode: link.hasPasscode })
  switch (link.state) {
    case 'active':
      return line(ends === null ? 'Active · never expires' : `Active · expires ${ends}`)
    case 'expired':
      return line(ends === null ? 'Expired' : `Expired ${ends}`)
    case 'revoked': {
      const when = link.revokedAt === null ? 'Turned off' : `Turned off ${dateTimeText(link.revokedAt, locales)}`
      return link.revokedByName === null ? line(`${when} by someone on the team`) : line(when, link.revokedByName)
    }
  }
}
