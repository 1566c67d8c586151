import { memo, useId, type DragEvent } from 'react'
import type { Editor } from 'tldraw'
import { dialogueShortfall } from '@storyloom/shared/storyboard/dialogueTiming'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { ShotThumbnail } from './ShotThumbnail'
import { VerdictMark } from '../../review/VerdictMark'
import { DrawingsMark } from '../../review/DrawingsMark'
import '../../styles/sequence-verdict.css'
import { StripTransitionMark } from './StripTransitionMark'
import { StripDialogueMark } from './StripDialogueMark'
import { ShotSoundMark } from '../sound/ShotSoundMark'
import { useStripReviewMarks } from './useStripReviewMarks'
import { CARD_WIDTH } from './stripLayout'
import { shotTitleText, UNTITLED_SHOT } from '../shotTitleText'
import type { FindMark } from '../find/findHighlights'
import { AssigneeBadge } from '../assignee/AssigneeBadge'

/** What the strip hands a card; all plain values, so unchanged cards skip rendering. */
export interface StripShotCardProps {
  /** The board's editor (one object for the strip's life), for the sketch preview. */
  readonly editor: Editor
  readonly shotId: string
  readonly number: string
  readonly props: ShotShapeProps
  readonly seconds: number
  readonly color: string
  readonly x: number
  readonly selected: boolean
  /** How find (Ctrl+F) marks the shot while its bar is open. */
  readonly findMark: FindMark
  /** The strip's one Tab stop among the cards (see `useStripKeyboard`). */
  readonly tabStop: boolean
  /** False for viewers: no dragging, no insert buttons. */
  readonly editable: boolean
  readonly onSelect: (shotId: string, additive: boolean) => void
  readonly onInsert: (shotId: string, side: 'before' | 'after') => void
  readonly onDragStart: (shotId: string, event: DragEvent) => void
}

/**
 * One shot in the sequence strip: number, thumbnail, duration (marked when too short for the
 * shot's dialogue), title, the client's verdict and comments with drawings, who draws it and, before it, how it comes in when
 * that is not a cut. Click selects it on the canvas (shift-click adds to the selection); drag reorders; the
 * edge buttons insert a new shot before or after it. Keys: see `useStripKeyboard`.
 */
export const StripShotCard = memo(function StripShotCard(card: StripShotCardProps) {
  const { shotId, number, props, seconds } = card
  const title = props.title || UNTITLED_SHOT
  const namedTitle = shotTitleText(props.title)
  // The client's verdict and comments with drawings, live: what a review link said about the shot, read at a glance here.
  const review = useStripReviewMarks(shotId)
  const markId = useId()
  const drawingsId = useId()
  const transitionId = useId()
  const transition = props.transitionIn === 'cut' ? null : props.transitionIn
  const dialogueId = useId()
  const shortfall = dialogueShortfall(props.duration, props.dialogue)
  const soundId = useId()
  const assigneeMarkId = useId()
  const describedBy = [transition && transitionId, review.verdict && markId, review.drawings && drawingsId, shortfall && dialogueId, props.sound && soundId, props.assigneeId !== null && assigneeMarkId]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className="strip-card"
      data-testid="strip-shot"
      data-shot-id={shotId}
      data-selected={card.selected || undefined}
      data-find={card.findMark}
      style={{ left: card.x, width: CARD_WIDTH, ['--scene-color' as string]: card.color }}
      draggable={card.editable}
      onDragStart={(e) => card.onDragStart(shotId, e)}
    >
      {transition && <StripTransitionMark id={transitionId} transition={transition} number={number} />}
      <button
        type="button"
        className="strip-card__body"
        aria-label={`Shot ${number}: ${namedTitle}`}
        aria-pressed={card.selected}
        aria-describedby={describedBy || undefined}
        tabIndex={card.tabStop ? 0 : -1}
        title={`${number} · ${namedTitle} · ${formatRuntime(seconds)}`}
        onClick={(e) => card.onSelect(shotId, e.shiftKey || e.metaKey || e.ctrlKey)}
      >
        <span className="strip-card__frame">
          <ShotThumbnail props={props} editor={card.editor} shotId={shotId} />
          <span className="strip-card__number" data-testid="strip-shot-number">
            {number}
          </span>
          <span className="strip-card__duration card-aside" data-text={formatRuntime(seconds)}>
            {shortfall && <StripDialogueMark id={dialogueId} needs={shortfall.needs} />}
            {props.sound && <ShotSoundMark id={soundId} sound={props.sound} className="strip-card__sound" />}
          </span>
          {(review.verdict || review.drawings) && (
            <span className="strip-card__review">
              {review.drawings && <DrawingsMark id={drawingsId} testId="strip-shot-drawings" count={review.drawings.count} text={review.drawings.text} />}
              {review.verdict && <VerdictMark id={markId} testId="strip-shot-verdict" verdict={review.verdict.verdict} by={review.verdict.by} />}
            </span>
          )}
          {props.assigneeId !== null && <AssigneeBadge id={assigneeMarkId} editor={card.editor} assigneeId={props.assigneeId} className="strip-card__assignee" />}
        </span>{' '}
        <span className="strip-card__title" data-empty={props.title ? undefined : ''}>
          {title}
        </span>
      </button>
      {card.editable && (
        <>
          <button
            type="button"
            className="strip-card__insert strip-card__insert--before"
            aria-label={`Insert shot before ${number}`}
            title="Insert shot before"
            // Pointer only: the keyboard's way is Shift+S (new shot after the selected one).
            tabIndex={-1}
            onClick={() => card.onInsert(shotId, 'before')}
          >
            +
          </button>
          <button
            type="button"
            className="strip-card__insert strip-card__insert--after"
            aria-label={`Insert shot after ${number}`}
            title="Insert shot after"
            tabIndex={-1}
            onClick={() => card.onInsert(shotId, 'after')}
          >
            +
          </button>
        </>
      )}
    </div>
  )
})
