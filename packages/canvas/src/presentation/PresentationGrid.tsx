import { SHOT_STATUSES } from '@storyloom/shared/storyboard/vocabulary'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import { useMemo, useRef } from 'react'
import type { Editor } from 'tldraw'
import type { PresentationShot } from './presentationShots'
import { ShotSketch } from './ShotSketch'
import { useNearScreen } from './useNearScreen'

const statusLabel = new Map<string, string>(SHOT_STATUSES.map((s) => [s.id, s.label]))

type PresentationGridProps = {
  shots: readonly PresentationShot[]
  currentShotId: string | undefined
  mediaUrl(src: string): string
  /** Draws the sketch of a shot that has no image yet (see sketchEditor). */
  sketchEditor: Editor | null
  onOpen(shotId: string): void
}

/**
 * Every shot at once: number, frame (image, clip or sketch; else what happens in it, as on the
 * stage), title, duration and status; a click
 * plays from that shot. Sketches are drawn only for cards on or near the screen (a board may
 * have hundreds); a card scrolled away keeps its picture.
 */
export function PresentationGrid({ shots, currentShotId, mediaUrl, sketchEditor, onOpen }: PresentationGridProps) {
  const list = useRef<HTMLOListElement>(null)
  const ids = useMemo(() => shots.map((shot) => shot.id), [shots])
  const near = useNearScreen(list, ids)
  return (
    <ol className="presentation-grid" ref={list}>
      {shots.map((shot) => (
        <li key={shot.id} data-key={shot.id}>
          <button
            type="button"
            className={`presentation-grid__card${shot.id === currentShotId ? ' presentation-grid__card--current' : ''}`}
            onClick={() => onOpen(shot.id)}
            data-shot-id={shot.id}
          >
            <div className="presentation-grid__frame">
              {shot.media?.kind === 'image' ? (
                <img src={mediaUrl(shot.media.src)} alt="" loading="lazy" />
              ) : shot.media?.kind === 'video' ? (
                <video src={mediaUrl(shot.media.src)} muted preload="metadata" />
              ) : (
                <ShotSketch
                  editor={sketchEditor}
                  shotId={shot.id}
                  fallback={<p className="presentation-grid__placeholder">{shot.action || 'No image yet'}</p>}
                  draw={near.has(shot.id)}
                />
              )}
            </div>
            <div className="presentation-grid__meta">
              <span className="presentation-grid__number">{shot.number}</span>
              <span className="presentation-grid__title">{shot.title ? <bdi>{shot.title}</bdi> : 'Untitled'}</span>
              <span className="presentation-grid__duration">{formatRuntime(shot.seconds)}</span>
              <span className={`presentation-grid__status shot-status--${shot.status}`}>{statusLabel.get(shot.status) ?? shot.status}</span>
            </div>
          </button>
        </li>
      ))}
    </ol>
  )
}
