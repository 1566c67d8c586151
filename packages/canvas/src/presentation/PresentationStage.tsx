import { useEffect, useRef, type CSSProperties } from 'react'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { Editor } from 'tldraw'
import { shotTitleText, UNTITLED_SHOT } from '../storyboard/shotTitleText'
import type { PresentationShot } from './presentationShots'
import { CameraMoves } from './CameraMoves'
import { ShotSketch } from './ShotSketch'
import { StageImage } from './StageImage'
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
}

/** The shot on screen: its image, clip or sketch, number and title, its camera moves, and its dialogue as a caption. */
export function PresentationStage({ shot, offset, playing, mediaUrl, sketchEditor }: PresentationStageProps) {
  if (!shot) {
    return (
      <div className="presentation-stage presentation-stage--empty">
        <p>This board has no shots yet.</p>
      </div>
    )
  }
  const aspectStyle = { '--fit-aspect': aspectRatioValue(shot.aspect) } as CSSProperties
  return (
    <div className="presentation-stage" data-shot-id={shot.id}>
      <div className="presentation-stage__frame">
        {shot.media ? (
          // The shot's frame, its picture cropped to it from the centre: the composition the board and the print show.
          <div className="aspect-fit presentation-stage__fit" style={aspectStyle}>
            <div className="aspect-fit__box presentation-stage__shot">
              {/* Image or clip, named as the review panel heads the shot: a screen reader hears which shot, even an untitled one. */}
              {shot.media.kind === 'video' ? (
                <StageClip src={mediaUrl(shot.media.src)} name={stageName(shot)} offset={offset} playing={playing} />
              ) : (
                <StageImage key={shot.media.src} src={mediaUrl(shot.media.src)} alt={stageName(shot)} offset={offset} />
              )}
            </div>
          </div>
        ) : (
          <ShotSketch
            key={shot.id}
            editor={sketchEditor}
            shotId={shot.id}
            fallback={
              <div className="aspect-fit presentation-stage__fit" style={aspectStyle}>
                <div className="presentation-stage__placeholder">{shot.action || 'No image yet'}</div>
              </div>
            }
          />
        )}
      </div>
      <div className="presentation-stage__label">
        <span className="presentation-stage__number">{shot.number}</span>
        {/* Untitled, it is still named, as on the canvas, the strip and the grid. */}
        {shot.title ? (
          <bdi className="presentation-stage__title" title={shot.title}>
            {shot.title}
          </bdi>
        ) : (
          <span className="presentation-stage__title">{UNTITLED_SHOT}</span>
        )}
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

function stageName(shot: PresentationShot): string {
  return `Shot ${shot.number} · ${shotTitleText(shot.title)}`
}

/** Seeks only when the clip has drifted, so playback stays smooth while the animatic plays. */
const MAX_DRIFT_SECONDS = 0.3

function StageClip({ src, name, offset, playing }: { src: string; name: string; offset: number; playing: boolean }) {
  const video = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    const el = video.current
    if (!el) return
    if (Math.abs(el.currentTime - offset) > MAX_DRIFT_SECONDS) el.currentTime = offset
    if (playing && el.paused) el.play().catch(() => {}) // autoplay refused: the still frame shows
    if (!playing && !el.paused) el.pause()
  }, [offset, playing])
  return <video ref={video} className="presentation-stage__media" src={src} aria-label={name} muted playsInline preload="auto" />
}
