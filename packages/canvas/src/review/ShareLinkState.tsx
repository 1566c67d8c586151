import type { ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { shareLinkStateText } from './shareLinkStateText'

/** A link's line under its label: whether it opens and until when, or when (and by whom) it was turned off. */
export function ShareLinkState({ link }: { link: ShareLinkResponse }) {
  const { text, by, passcode } = shareLinkStateText(link)
  return (
    <span className="share-links__item-meta">
      {text}
      {/* Typed by a person, any script: isolated, so the text after it keeps its place. */}
      {by !== null && (
        <>
          {' by '}
          <bdi>{by}</bdi>
        </>
      )}
      {passcode && ' · passcode'}
    </span>
  )
}
