import { useEditor, useValue, type TLShapeId } from 'tldraw'
import { referencePreview } from './referencePreview'

/** A small picture of a reference (image, first frame of a clip, or a link's title). */
export function ReferenceThumbnail({ referenceId, size = 56 }: { referenceId: TLShapeId; size?: number }) {
  const editor = useEditor()
  const preview = useValue(
    'reference preview',
    () => {
      const shape = editor.getShape(referenceId)
      return shape ? referencePreview(editor, shape) : null
    },
    [editor, referenceId],
  )
  if (!preview) return null
  const style = { width: size, height: Math.round(size * 0.6) }
  if (preview.kind === 'image') {
    return <img className="reference-thumbnail" style={style} src={preview.src} alt={preview.name} draggable={false} />
  }
  if (preview.kind === 'video') {
    return <video className="reference-thumbnail" style={style} src={preview.src} muted playsInline preload="metadata" />
  }
  if (preview.image) {
    return <img className="reference-thumbnail" style={style} src={preview.image} alt={preview.name} draggable={false} />
  }
  return (
    <span className="reference-thumbnail reference-thumbnail--link" style={style} title={preview.url}>
      {preview.name.replace(/^https?:\/\//, '').slice(0, 40)}
    </span>
  )
}
