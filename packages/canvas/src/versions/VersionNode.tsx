import { memo, useState } from 'react'
import type { PlacedVersion } from './versionTreeLayout'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { APPROVAL_LABELS } from './approvalLabels'
import { dateTimeText } from '../app/dateTimeText'
import { UnreadableTake } from './UnreadableTake'
import { unreadableFile, unreadableReason } from './versionMedia'

export interface VersionNodeProps {
  node: PlacedVersion
  /** Its drawn size (the tree draws takes smaller to fit a row of siblings). */
  width: number
  height: number
  active: boolean
  previewed: boolean
  compared: boolean
  onPreview(versionId: string, addToCompare: boolean): void
  onActivate(versionId: string): void
}

/** One take in the tree: its thumbnail, approval, star and label. Click previews, double click makes it active. */
export const VersionNode = memo(function VersionNode({ node, width, height, active, previewed, compared, onPreview, onActivate }: VersionNodeProps) {
  const { version } = node
  // Until its picture is in (a take that just landed, a slow link), the tile says so.
  const [picture, setPicture] = useState<'loading' | 'loaded' | 'failed'>('loading')
  const still = version.assets.find((a) => a.kind === 'image')
  const unreadable = unreadableFile(version)
  const title = [
    version.label ? isolatedName(version.label) : version.source === 'upload' ? 'Uploaded take' : 'Generated take',
    ...(version.approval !== 'none' ? [APPROVAL_LABELS[version.approval]] : []),
    isolatedName(version.authorName),
    dateTimeText(version.createdAt),
    ...(unreadable ? ['Unreadable'] : []),
  ].join(' · ')
  return (
    <button
      type="button"
      className="version-node"
      style={{ left: node.x, top: node.y, width, height }}
      data-testid="version-node"
      data-version-id={version.id}
      data-active={active || undefined}
      data-on-path={node.onActivePath || undefined}
      data-previewed={previewed || undefined}
      data-compared={compared || undefined}
      data-deleted={version.deletedAt !== null || undefined}
      aria-pressed={previewed}
      aria-label={`${title}${active ? ' (active)' : ''}`}
      title={
        unreadable
          ? `${title}\n${unreadableReason(unreadable)}\nClick to preview, Shift+click to compare`
          : `${title}\nClick to preview, double-click to make active, Shift+click to compare`
      }
      onClick={(e) => onPreview(version.id, e.shiftKey || e.metaKey || e.ctrlKey)}
      onDoubleClick={() => onActivate(version.id)}
    >
      {unreadable ? (
        <UnreadableTake why={unreadable} className="version-node__thumb" />
      ) : still ? (
        <>
          <img
            className="version-node__thumb"
            src={still.src}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onLoad={() => setPicture('loaded')}
            onError={() => setPicture('failed')}
          />
          {picture !== 'loaded' && <span className="version-node__placeholder">{picture === 'failed' ? 'No picture' : 'Loading…'}</span>}
        </>
      ) : (
        <span className="version-node__thumb version-node__thumb--clip">Clip</span>
      )}
      {version.approval !== 'none' && (
        <span className="version-node__approval" data-approval={version.approval} aria-hidden>
          {APPROVAL_LABELS[version.approval]}
        </span>
      )}
      {version.starred && <span className="version-node__star" aria-hidden>★</span>}
      {version.label && <bdi className="version-node__label">{version.label}</bdi>}
    </button>
  )
})
