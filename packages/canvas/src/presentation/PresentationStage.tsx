import { useEffect, useRef, type CSSProperties } from 'react'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { Editor } from 'tldraw'
import type { PictureFraming } from '@storyloom/shared/storyboard/shotShape'
import { pictureFramingCss } from '../storyboard/pictureFraming'
import { UnreadablePicture } from '../versions/UnreadablePicture'
import { useTakePicture } from '../versions/unreadableTakePicture'
import { shotTitleText, UNTITLED_SHOT } from '../storyboard/shotTitleText'
import type { PresentationShot } from './presentationShots'
import { CameraMoves } from './CameraMoves'
import { cameraFramingAt } from './cameraMotion'
import { ShotSketch } from './ShotSketch'
import { StageImage } from './StageImage'
import { useWholeOnTap } from './useWholeOnTap'
import type { ShotTransitionFrame, TransitionBlend } from './shotTransition'
import { ShotFrameGuides } from './ShotFrameGuides'
import { StageGuidesOverTransition } from './StageGuidesOverTransition'
import type { DrawnFrameGuides } from '../storyboard/guides/FrameGuideSvg'
import { StageMarkupLayer } from '../review/markup/StageMarkupLayer'
import '../styles/aspect-fit.css'

type PresentationStageProps = {
  shot: PresentationShot | undefined
  /** Seconds into the shot, to keep a clip (video or animated image) in step with the animatic. */
  offset: number
  playing: boolean
  /** Where the browser fetches a shot's media from (review links go through their own route). */
  mediaUrl(src: string): string
  /** Draws the sketch of a shot that has no image yet (see sketchEditor). */
  sketchEditor: Editor | null
  /** The shot coming in from the one before (shotTransitionAt), or null to show the shot alone. */
  transition?: ShotTransitionFrame<PresentationShot> | null
  /** Frame guides over the picture (stageGuides), or null for none. */
  guides?: DrawnFrameGuides | null
  /** The viewer asked for reduced motion: the camera moves do not play on the picture (their text still says them). */
  reducedMotion?: boolean
}

/**
 * The shot on screen: its image, clip or sketch, number and title, its camera moves, and its
 * dialogue as a caption. While it comes in with a transition, the shot before is drawn under it,
 * blended as `transition` says for the playhead (a function of it: paused or scrubbed, it holds);
 * the frame guides then go over the incoming picture's box once, outside both blended layers.
 * Its camera moves play on its still image or sketch the same way, by the playhead (cameraMotion.ts).
 */
export function PresentationStage({ shot, offset, playing, mediaUrl, sketchEditor, transition = null, guides = null, reducedMotion = false }: PresentationStageProps) {
  if (!shot) {
    return (
      <div className="presentation-stage presentation-stage--empty">
        <p>This board has no shots yet.</p>
      </div>
    )
  }
  return (
    <div className="presentation-stage" data-shot-id={shot.id}>
      <div className="presentation-stage__frame" data-transition={transition?.blend.kind}>
        {/* The shot before, on its last frame, under the incoming one while it comes in; hidden from screen readers, which hear the shot on screen. */}
        {transition && (
          <div className="presentation-stage__outgoing" aria-hidden="true" style={{ opacity: transition.blend.outgoingOpacity }}>
            {transition.outgoing && (
              <StagePicture
                shot={transition.outgoing}
                offset={transition.outgoing.seconds}
                playing={false}
                mediaUrl={mediaUrl}
                sketchEditor={sketchEditor}
                reducedMotion={reducedMotion}
              />
            )}
          </div>
        )}
        <div className="presentation-stage__incoming" style={transition ? incomingStyle(transition.blend) : undefined}>
          <StagePicture shot={shot} offset={offset} playing={playing} mediaUrl={mediaUrl} sketchEditor={sketchEditor} guides={transition ? null : guides} reducedMotion={reducedMotion} />
        </div>
        {/* Guides judge the shot on screen: during a transition, once, over the incoming picture, never faded or wiped with it. */}
        {transition && <StageGuidesOverTransition shotId={shot.id} aspect={shot.aspect} guides={guides} />}
        {/* A comment's drawing over the frame: the one being drawn, or the one being read (review/markup). */}
        <StageMarkupLayer shotId={shot.id} aspect={aspectRatioValue(shot.aspect)} />
      </div>
      <div className="presentation-stage__label">
        <span className="presentation-stage__number">{shot.number}</span>
        {/* Untitled, it is still named, as on the canvas, the strip and the grid. Each shot's title starts cut. */}
        {shot.title ? <StageTitle key={shot.id} title={shot.title} /> : <span className="presentation-stage__title">{UNTITLED_SHOT}</span>}
        {shot.sceneName && <bdi className="presentation-stage__scene">{shot.sceneName}</bdi>}
      </div>
      {/* How the camera moves is part of the shot's intent, which a still picture cannot show. */}
      {shot.moves.length > 0 && <CameraMoves moves={shot.moves} className="presentation-stage__camera" />}
      {shot.dialogue && (
        <p className="presentation-stage__caption" role="status" aria-live="polite">
          {shot.dialogue}
        </p>
      )}
    </div>
  )
}

/** The shot's title beside its number: cut where it has no room, whole in its tooltip and, on a tap, on the stage (a phone has no hover). */
function StageTitle({ title }: { title: string }) {
  const wholeOnTap = useWholeOnTap()
  return (
    <bdi className="presentation-stage__title" title={title} {...wholeOnTap}>
      {title}
    </bdi>
  )
}

/** The incoming picture's share of a transition: its opacity, and a wipe's edge as a clip from the right. */
function incomingStyle(blend: TransitionBlend): CSSProperties {
  return { opacity: blend.incomingOpacity, clipPath: blend.incomingReveal < 1 ? `inset(0 ${(1 - blend.incomingReveal) * 100}% 0 0)` : undefined }
}

type StagePictureProps = Pick<PresentationStageProps, 'offset' | 'playing' | 'mediaUrl' | 'sketchEditor' | 'guides' | 'reducedMotion'> & { shot: PresentationShot }

/**
 * A shot's frame on the stage: its image or clip cropped to it, else its sketch, else its action on
 * an empty frame. Guides go over the picture's own box (the frame's aspect ratio, however the
 * stage letterboxes it), not over an empty frame's card. A still image or sketch is framed by the
 * shot's camera moves at `offset` (the guides stay on the frame); a clip and a card are not moved.
 */
function StagePicture({ shot, offset, playing, mediaUrl, sketchEditor, guides, reducedMotion }: StagePictureProps) {
  const aspect = aspectRatioValue(shot.aspect)
  const aspectStyle = { '--fit-aspect': aspect } as CSSProperties
  const framing = reducedMotion ? null : cameraFramingAt(shot, offset, aspect)
  const overlay = <ShotFrameGuides aspect={shot.aspect} guides={guides ?? null} />
  return shot.media ? (
    // The shot's frame, its picture cropped to it from the centre: the composition the board and the print show.
    <div className="aspect-fit presentation-stage__fit" style={aspectStyle}>
      <div className="aspect-fit__box presentation-stage__shot">
        {/* Image or clip, named as the review panel heads the shot: a screen reader hears which shot, even an untitled one. */}
        {shot.media.kind === 'video' ? (
          <StageClip src={mediaUrl(shot.media.src)} name={stageName(shot)} offset={offset} playing={playing} pictureFraming={shot.pictureFraming} />
        ) : (
          <StageImage key={shot.media.src} src={mediaUrl(shot.media.src)} alt={stageName(shot)} offset={offset} framing={framing} pictureFraming={shot.pictureFraming} />
        )}
        {overlay}
      </div>
    </div>
  ) : (
    <ShotSketch
      key={shot.id}
      editor={sketchEditor}
      shotId={shot.id}
      overlay={overlay}
      framing={framing}
      fallback={
        <div className="aspect-fit presentation-stage__fit" style={aspectStyle}>
          <div className="presentation-stage__placeholder">{shot.action || 'No image yet'}</div>
        </div>
      }
    />
  )
}

function stageName(shot: PresentationShot): string {
  return `Shot ${shot.number} · ${shotTitleText(shot.title)}`
}

/** Seeks only when the clip has drifted, so playback stays smooth while the animatic plays. */
const MAX_DRIFT_SECONDS = 0.3

function StageClip({ src, name, offset, playing, pictureFraming }: { src: string; name: string; offset: number; playing: boolean; pictureFraming: PictureFraming | null }) {
  const video = useRef<HTMLVideoElement>(null)
  const picture = useTakePicture(src)
  useEffect(() => {
    const el = video.current
    if (!el) return
    if (Math.abs(el.currentTime - offset) > MAX_DRIFT_SECONDS) el.currentTime = offset
    if (playing && el.paused) el.play().catch(() => {}) // autoplay refused: the still frame shows
    if (!playing && !el.paused) el.pause()
  }, [offset, playing])
  if (picture.unreadable || picture.failed) return <UnreadablePicture className="presentation-stage__media" unavailable={picture.failed} />
  return <video ref={video} className="presentation-stage__media" src={src} aria-label={name} muted playsInline preload="auto" {...picture.pictureProps(pictureFramingCss(pictureFraming))} />
}
