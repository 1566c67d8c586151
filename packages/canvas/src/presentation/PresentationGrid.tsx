import { aspectRatioValue, SHOT_STATUSES, type ShotStatus } from '@storyloom/shared/storyboard/vocabulary'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import { useLayoutEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react'
import { isolatedName } from '@storyloom/shared/api/typedName'
import type { Editor } from 'tldraw'
import type { PresentationAudience, PresentationShot } from './presentationShots'
import { CameraMoves } from './CameraMoves'
import { sceneGroups } from './presentationScenes'
import { SceneHeading } from './SceneHeading'
import { ShotPicture } from './ShotPicture'
import { useNearScreen } from './useNearScreen'
import { ShotTitle } from '../storyboard/ShotTitle'
import { ShotFrameGuides } from './ShotFrameGuides'
import type { DrawnFrameGuides } from '../storyboard/guides/FrameGuideSvg'

const statusLabel = new Map<string, string>(SHOT_STATUSES.map((s) => [s.id, s.label]))

/**
 * Whether a shot's status is shown: the team sees every one; a client (a review link) sees where
 * their review stands — in review, changes requested, approved — but not "Draft", the team's own
 * word for work not yet put before them.
 */
export function statusShownTo(status: ShotStatus, audience: PresentationAudience): boolean {
  return audience === 'team' || status !== 'draft'
}

type PresentationGridProps = {
  shots: readonly PresentationShot[]
  /** Head the shots by scene: the board has scenes (a board without is one list: a lone "No scene" heading would say nothing). */
  headed: boolean
  currentShotId: string | undefined
  mediaUrl(src: string): string
  /** Draws the sketch of a shot that has no image yet (see sketchEditor). */
  sketchEditor: Editor | null
  onOpen(shotId: string): void
  /** Who watches: a client on a review link is not shown the team's internal statuses. */
  audience: PresentationAudience
  /** The viewer's frame guides over each picture (stageGuides), or null for none. */
  guides: DrawnFrameGuides | null
  /** Over each card's picture, top right: e.g. the shot's open comments (a review link's). */
  cardMarks?: ((shot: PresentationShot) => ReactNode) | undefined
}

/**
 * Every shot at once, under its scene's heading (number, name, slugline, shot count and runtime,
 * as in the strip; the shots in no scene last, under "0 No scene"): number, frame (image, clip or
 * sketch; else what happens in it, as on the stage), title, duration, camera moves and status (not a draft's, to a client); a click
 * plays from that shot. Opens scrolled to the shot on screen in the player, so a long board does
 * not hide it below the fold (focus stays where it was). Sketches are drawn only for cards on or near the screen (a board may
 * have hundreds); a card scrolled away keeps its picture.
 */
export function PresentationGrid({ shots, headed, currentShotId, mediaUrl, sketchEditor, onOpen, audience, guides, cardMarks }: PresentationGridProps) {
  const list = useRef<HTMLDivElement>(null)
  // A shot moved to another scene's list is a new element: its scene is part of what is watched.
  const watched = useMemo(() => shots.map((shot) => `${shot.scene?.id ?? ''} ${shot.id}`), [shots])
  const groups = useMemo(() => sceneGroups(shots), [shots])
  const near = useNearScreen(list, watched)
  // Only on opening: the grid is not pulled back to the current shot while someone scrolls it.
  useLayoutEffect(() => {
    list.current?.querySelector('.presentation-grid__card--current')?.scrollIntoView({ block: 'center', inline: 'nearest' })
  }, [])
  return (
    <div className="presentation-grid" ref={list}>
      {groups.map((group) => (
        <section key={group.scene?.id ?? ''} className="presentation-grid__scene" data-scene-id={group.scene?.id ?? ''}>
          {headed && <SceneHeading group={group} block="presentation-grid" testId="present-scene-heading" />}
          <ol className="presentation-grid__shots">
            {group.shots.map((shot) => (
              <li key={shot.id} data-key={shot.id}>
                <ShotCard
                  shot={shot}
                  audience={audience}
                  current={shot.id === currentShotId}
                  mediaUrl={mediaUrl}
                  sketchEditor={sketchEditor}
                  draw={near.has(shot.id)}
                  onOpen={onOpen}
                  guides={guides}
                  cardMarks={cardMarks}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}

type ShotCardProps = Pick<PresentationGridProps, 'mediaUrl' | 'sketchEditor' | 'onOpen' | 'audience' | 'guides' | 'cardMarks'> & {
  shot: PresentationShot
  current: boolean
  /** Whether the card is near the screen, so its sketch is drawn. */
  draw: boolean
}

function ShotCard({ shot, current, mediaUrl, sketchEditor, draw, onOpen, audience, guides, cardMarks }: ShotCardProps) {
  const overlay = <ShotFrameGuides aspect={shot.aspect} guides={guides} />
  const picture = (
    <ShotPicture
      shot={shot}
      mediaUrl={mediaUrl}
      sketchEditor={sketchEditor}
      fallback={<p className="presentation-grid__placeholder">{shot.action || 'No image yet'}</p>}
      draw={draw}
      overlay={overlay}
    />
  )
  return (
    <button
      type="button"
      className={`presentation-grid__card${current ? ' presentation-grid__card--current' : ''}`}
      onClick={() => onOpen(shot.id)}
      data-shot-id={shot.id}
    >
      <div className="presentation-grid__frame">
        {shot.media ? (
          // In the card, the shot's own frame, its picture cropped to it from the centre, as on the board.
          <div className="presentation-grid__shot" style={{ '--shot-aspect': aspectRatioValue(shot.aspect) } as CSSProperties}>
            {picture}
            {overlay}
          </div>
        ) : (
          picture
        )}
        {cardMarks && <span className="presentation-grid__marks">{cardMarks(shot)}</span>}
      </div>
      <div className="presentation-grid__meta">
        <span className="presentation-grid__number">{shot.number}</span>
        <span className="presentation-grid__title" title={shot.title ? isolatedName(shot.title) : undefined}>
          <ShotTitle title={shot.title} />
        </span>
        <span className="presentation-grid__duration">{formatRuntime(shot.seconds)}</span>
        {shot.moves.length > 0 && <CameraMoves moves={shot.moves} className="presentation-grid__camera" />}
        {statusShownTo(shot.status, audience) && (
          <span className={`presentation-grid__status shot-status--${shot.status}`}>{statusLabel.get(shot.status) ?? shot.status}</span>
        )}
      </div>
    </button>
  )
}
