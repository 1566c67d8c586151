import type { ReferenceUse } from '@storyloom/shared/generation/referenceUse'
import { entryOf, REFERENCE_ROLES } from '@storyloom/shared/storyboard/vocabulary'

/** How one reference was used, in words: "Style: image prompt at 0.8". */
export function describeReferenceUse(use: ReferenceUse): string {
  const role = entryOf(REFERENCE_ROLES, use.role).label
  if (use.use === 'image-to-image') return `${role}: image-to-image`
  if (use.use === 'image-prompt') return `${role}: image prompt at ${use.weight ?? 0}`
  const reason = use.reason ?? 'the model could not use it'
  return reason.startsWith('not used') ? `${role}: ${reason}` : `${role}: not used — ${reason}`
}

/** Which of the shot's references made a take, and which were left out and why. */
export function VersionReferenceUse({ uses }: { uses: readonly ReferenceUse[] }) {
  if (uses.length === 0) return null
  return (
    <ul className="version-details__references" aria-label="References used" data-testid="version-references">
      {uses.map((use) => (
        <li key={use.index} data-use={use.use}>
          {describeReferenceUse(use)}
        </li>
      ))}
    </ul>
  )
}
