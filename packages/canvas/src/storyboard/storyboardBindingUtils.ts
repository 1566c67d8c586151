import { BindingUtil, type BindingOnShapeChangeOptions, type BindingOnShapeDeleteOptions } from 'tldraw'
import {
  ANNOTATION_BINDING_TYPE,
  annotationBindingMigrations,
  annotationBindingProps,
  type TLAnnotationBinding,
} from '@storyloom/shared/storyboard/annotationBinding'
import type { TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import {
  referenceBindingMigrations,
  referenceBindingProps,
  type TLReferenceBinding,
} from '@storyloom/shared/storyboard/referenceBinding'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { isApplyingRemoteChanges } from './isApplyingRemoteChanges'
import { motionFitToShot } from './motion/fitMotionToShot'
import { DEFAULT_REFERENCE_ROLE } from './references/referenceRoles'

/**
 * A reference (image, clip, link) pinned to a shot with a role.
 *
 * Moving: a reference sitting on its shot or in the shot's reference column moves with it; one
 * sitting elsewhere (a character sheet kept in a corner and pinned to many shots) stays put
 * (see `referenceFollowing.ts`).
 * Deleting: when the shot is deleted the reference stays on the board, unpinned (it is
 * someone's collected material, listed as unused in the reference library); when the
 * reference is deleted it is gone from every shot that used it. Both undo in one step.
 */
export class ReferenceBindingUtil extends BindingUtil<TLReferenceBinding> {
  static override type = 'reference' as const
  static override props = referenceBindingProps
  static override migrations = referenceBindingMigrations

  override getDefaultProps(): Partial<TLReferenceBinding['props']> {
    return { role: DEFAULT_REFERENCE_ROLE }
  }
}

/**
 * A motion annotation tied to its shot: it always covers the shot's frame (so it moves, scales
 * and rotates with the shot, and snaps back if dragged off), and it is deleted with the shot.
 */
export class AnnotationBindingUtil extends BindingUtil<TLAnnotationBinding> {
  static override type = 'annotation' as const
  static override props = annotationBindingProps
  static override migrations = annotationBindingMigrations

  override getDefaultProps(): Partial<TLAnnotationBinding['props']> {
    return {}
  }

  // Idempotent (it puts the box where the shot says), so it is safe to run on every client:
  // where a collaborator's shot move arrives, the annotation arrives already in place.
  private refit(binding: TLAnnotationBinding) {
    const motion = this.editor.getShape<TLMotionShape>(binding.fromId)
    const shot = this.editor.getShape<TLShotShape>(binding.toId)
    if (!motion || !shot) return
    const fit = motionFitToShot(this.editor, motion, shot)
    if (fit) this.editor.updateShape<TLMotionShape>(fit)
  }

  override onAfterCreate({ binding }: { binding: TLAnnotationBinding }) {
    this.refit(binding)
  }

  override onAfterChangeToShape({ binding }: BindingOnShapeChangeOptions<TLAnnotationBinding>) {
    this.refit(binding)
  }

  override onAfterChangeFromShape({ binding }: BindingOnShapeChangeOptions<TLAnnotationBinding>) {
    this.refit(binding)
  }

  /**
   * A camera move deleted on its own takes its word off the shot's camera line (back to
   * static), unless another annotation on the shot still makes that move.
   */
  override onBeforeDeleteFromShape({ binding, shape }: BindingOnShapeDeleteOptions<TLAnnotationBinding>) {
    if (isApplyingRemoteChanges(this.editor)) return
    const shot = this.editor.getShape<TLShotShape>(binding.toId)
    const kind = (shape as TLMotionShape).props.kind
    if (!shot || shot.props.camera.movement !== kind) return
    const stillMoving = this.editor
      .getBindingsToShape<TLAnnotationBinding>(shot.id, ANNOTATION_BINDING_TYPE)
      .some((b) => b.fromId !== shape.id && this.editor.getShape<TLMotionShape>(b.fromId)?.props.kind === kind)
    if (stillMoving) return
    this.editor.updateShape<TLShotShape>({ id: shot.id, type: 'shot', props: { camera: { ...shot.props.camera, movement: 'static' } } })
  }

  override onBeforeDeleteToShape({ binding }: BindingOnShapeDeleteOptions<TLAnnotationBinding>) {
    if (isApplyingRemoteChanges(this.editor)) return
    this.editor.deleteShape(binding.fromId)
  }
}
