import type { Editor, TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE, type TLAnnotationBinding } from '@storyloom/shared/storyboard/annotationBinding'
import type { MotionShapeProps, TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { referencePreview, type ReferencePreview } from '../storyboard/references/referencePreview'
import { referenceBindingsOfShot } from '../storyboard/references/shotReferences'

/** A reference pinned to a shot, as a generation uses it. */
export interface GenerationReference {
  /** The reference shape on the board. */
  shapeId: TLShapeId
  role: ReferenceRole
  preview: ReferencePreview
}

/** A motion annotation drawn on a shot, as a generation uses it. */
export interface GenerationMotion extends Pick<MotionShapeProps, 'kind' | 'direction' | 'speed' | 'strength' | 'path'> {
  shapeId: TLShapeId
}

/** What a shot brings to a generation besides its words: references and motion annotations. */
export interface ShotGenerationInputs {
  references: GenerationReference[]
  motion: GenerationMotion[]
}

/** The shot's references (in pinning order) and motion annotations, read from the board. */
export function shotGenerationInputs(editor: Editor, shotId: TLShapeId): ShotGenerationInputs {
  const references = referenceBindingsOfShot(editor, shotId).flatMap((binding): GenerationReference[] => {
    const shape = editor.getShape(binding.fromId)
    return shape ? [{ shapeId: shape.id, role: binding.props.role, preview: referencePreview(editor, shape) }] : []
  })
  const motion = editor
    .getBindingsToShape<TLAnnotationBinding>(shotId, ANNOTATION_BINDING_TYPE)
    .flatMap((binding): GenerationMotion[] => {
      const shape = editor.getShape<TLMotionShape>(binding.fromId)
      if (!shape || shape.type !== 'motion') return []
      const { kind, direction, speed, strength, path } = shape.props
      return [{ shapeId: shape.id, kind, direction, speed, strength, path }]
    })
  return { references, motion }
}

/** The composition reference that turns a generation into image-to-image, if the shot has an image one. */
export function compositionReference(inputs: ShotGenerationInputs): GenerationReference | undefined {
  return inputs.references.find((r) => r.role === 'composition' && r.preview.kind === 'image')
}
