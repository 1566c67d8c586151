import { useEffect, useState } from 'react'
import { VERSION_LABEL_MAX_LENGTH, versionApprovals, type ShotVersion, type VersionApproval, type VersionPatch } from '@storyloom/shared/versions/shotVersion'
import { APPROVAL_LABELS } from './approvalLabels'
import { needsVideoElement, shownAsset, unreadableFile, unreadableReason } from './versionMedia'
import { UnreadableTake } from './UnreadableTake'
import { VersionReferenceUse } from './VersionReferenceUse'
import { dateTimeText } from '../app/dateTimeText'


export interface VersionDetailsProps {
  version: ShotVersion
  active: boolean
  onPatch(patch: VersionPatch): void
  onActivate(): void
  onCompareWithActive: (() => void) | null
  onIterate: (() => void) | null
  /** Records the take again as the newest one (null when it is the one shown). */
  onReinstate: (() => void) | null
  onDelete(): void
  /**
   * For the active take: what the shot shows once it is deleted (a label, or words such as "the
   * take it was made from"), asked to confirm first; null: it is the shot's only take, not deleted.
   */
  afterDelete?: { readonly label: string; readonly named: boolean } | null
  onRestore(): void
  /**
   * The person started typing a label: the panel keeps this take in its details from now on, even
   * when it was only shown as the active take and someone else makes another take active.
   */
  onLabelEditStart?(): void
}

/** The previewed take: large, with what made it, its label, star and approval, and what to do with it. */
export function VersionDetails({ version, active, onPatch, onActivate, onCompareWithActive, onIterate, onReinstate, onDelete, afterDelete = null, onRestore, onLabelEditStart }: VersionDetailsProps) {
  // What this person is typing into the label, if anything: someone else's new label for the take
  // arriving meanwhile does not replace it. Saved on Enter or when the field loses the focus.
  const [draft, setDraft] = useState<string | null>(null)
  useEffect(() => setDraft(null), [version.id])
  // Deleting the active take is asked to confirm: the shot then shows another take.
  const [confirming, setConfirming] = useState(false)
  useEffect(() => setConfirming(false), [version.id, active])
  const media = shownAsset(version)
  const unreadable = unreadableFile(version)
  const deleted = version.deletedAt !== null
  const commitLabel = () => {
    if (draft !== null && draft.trim() !== version.label) onPatch({ label: draft })
    setDraft(null)
  }
  const model = version.modelId ? `${version.modelId}${version.builtInModel ? ' (built-in model)' : ''}` : null
  return (
    <section className="version-details" aria-label="Previewed version" data-testid="version-details" data-version-id={version.id}>
      <div className="version-details__media">
        {unreadable ? (
          <UnreadableTake why={unreadable} className="version-details__unreadable" />
        ) : needsVideoElement(media) ? (
          <video src={media.src} muted loop autoPlay playsInline />
        ) : (
          <img src={media.src} alt={version.label || 'Previewed take'} draggable={false} />
        )}
      </div>
      <div className="version-details__row">
        <button
          type="button"
          className="version-details__star"
          aria-pressed={version.starred}
          aria-label={version.starred ? 'Unstar' : 'Star'}
          title={version.starred ? 'Unstar' : 'Star'}
          onClick={() => onPatch({ starred: !version.starred })}
        >
          {version.starred ? '★' : '☆'}
        </button>
        <input
          className="version-details__label"
          aria-label="Label"
          placeholder="Add a label"
          value={draft ?? version.label}
          maxLength={VERSION_LABEL_MAX_LENGTH}
          onFocus={onLabelEditStart}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commitLabel}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur()
            e.stopPropagation() // typing here must not trigger canvas shortcuts
          }}
        />
        <select
          aria-label="Approval"
          value={version.approval}
          onChange={(e) => onPatch({ approval: e.currentTarget.value as VersionApproval })}
        >
          {versionApprovals.map((a) => (
            <option key={a} value={a}>{APPROVAL_LABELS[a]}</option>
          ))}
        </select>
      </div>
      <p className="version-details__meta">
        {version.source === 'upload' ? 'Uploaded' : version.source === 'restore' ? 'Brought back' : 'Generated'} by <bdi>{version.authorName}</bdi>,{' '}
        {dateTimeText(version.createdAt)}
        {model && <> · {model}</>}
        {version.params && <> · seed {version.params.seed}</>}
      </p>
      {unreadable && <p className="version-details__problem">{unreadableReason(unreadable)} The take is kept; it cannot be shown, made active, iterated from or brought back.</p>}
      {version.params && <p className="version-details__prompt">{version.params.prompt}</p>}
      {version.params?.referenceUse && <VersionReferenceUse uses={version.params.referenceUse} />}
      <div className="version-details__actions">
        <button type="button" className="version-panel__primary" disabled={active || deleted || unreadable !== undefined} onClick={onActivate}>
          {active ? 'Active' : 'Make active'}
        </button>
        {onIterate && !deleted && !unreadable && (
          <button type="button" onClick={onIterate}>Iterate from here</button>
        )}
        {onReinstate && !deleted && !unreadable && (
          <button type="button" title="Record this take again as the newest one, after the take the shot shows" onClick={onReinstate}>
            Bring back as new take
          </button>
        )}
        {onCompareWithActive && (
          <button type="button" onClick={onCompareWithActive}>Compare with active</button>
        )}
        {deleted ? (
          <button type="button" data-action="restore" onClick={onRestore}>Restore</button>
        ) : (
          <button
            type="button"
            disabled={active && afterDelete === null}
            title={active && afterDelete === null ? "The shot's only take: deleted, the shot would show nothing" : undefined}
            aria-expanded={active ? confirming : undefined}
            onClick={() => (active ? setConfirming(true) : onDelete())}
          >
            Delete
          </button>
        )}
      </div>
      {confirming && afterDelete && (
        <div className="version-details__confirm" role="group" aria-label="Delete the active take" data-testid="delete-active-confirm">
          <p>
            Delete the active take? The shot will show {afterDelete.named ? <bdi>{afterDelete.label}</bdi> : afterDelete.label} instead (one undo brings both back).
          </p>
          <button
            type="button"
            className="version-panel__primary"
            onClick={() => {
              setConfirming(false)
              onDelete()
            }}
          >
            Delete take
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
    </section>
  )
}
