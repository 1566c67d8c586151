import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { useShotSketchImage } from '../useShotSketchImage'
import { pictureFramingCss } from '../pictureFraming'
import { useTakePicture } from '../../versions/unreadableTakePicture'

/** Quiet time after the last change to the traced shot's sketch before it is drawn again, in ms (as the strip's). */
const REDRAW_DELAY_MS = 300

/**
 * The light table's trace of shot `shotId` (the shot before): its picture (image, or a clip's
 * first frame) as its own frame crops it, else its sketch, the same picture of it the strip and
 * Present show. It fills the frame's height in the traced shot's aspect ratio, centred (a wider
 * one is cut at the sides, a narrower one leaves paper beside it); light-table.css makes it
 * faint and blue, like a blue pencil under the page (a picture tinted, a sketch's
 * strokes drawn in blue). Never takes a pointer, and is no content
 * for a screen reader.
 */
export function LightTablePicture({ editor, shotId }: { editor: Editor; shotId: string }) {
  const props = useValue('light table shot', () => editor.getShape<TLShotShape>(shotId as TLShapeId)?.props ?? null, [editor, shotId])
  const media = props?.media ?? null
  const { image: sketch } = useShotSketchImage(editor, shotId, { delayMs: REDRAW_DELAY_MS, draw: props !== null && media === null })
  const picture = useTakePicture(media?.src)
  // Nothing to trace under an unreadable take: no broken picture either.
  if (!props || (!media && !sketch) || picture.unreadable) return null
  const reframed = pictureFramingCss(props.pictureFraming)
  return (
    <div className="light-table" data-testid="light-table" data-traced-shot={shotId} aria-hidden>
      <div className="light-table__frame" style={{ aspectRatio: aspectRatioValue(props.aspect) }}>
        {media?.kind === 'image' ? (
          <img className="light-table__media" src={media.src} alt="" loading="lazy" decoding="async" draggable={false} {...picture.pictureProps(reframed)} />
        ) : media?.kind === 'video' ? (
          <video className="light-table__media" src={media.src} preload="metadata" muted playsInline {...picture.pictureProps(reframed)} />
        ) : sketch ? (
          // The sketch's strokes as a mask over blue: black lines cannot be tinted by a filter.
          <div className="light-table__sketch" data-testid="light-table-sketch" style={{ maskImage: `url("${sketch.url}")` }} />
        ) : null}
      </div>
    </div>
  )
}
