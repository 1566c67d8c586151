import { BindingUtil } from 'tldraw'
import {
  annotationBindingMigrations,
  annotationBindingProps,
  type TLAnnotationBinding,
} from '@storyloom/shared/storyboard/annotationBinding'
import {
  referenceBindingMigrations,
  referenceBindingProps,
  type TLReferenceBinding,
} from '@storyloom/shared/storyboard/referenceBinding'

/**
 * Binding utils for the storyboard's bindings. tldraw needs a util for every binding type in
 * the schema; for now they only carry the data (no move-with-shot or delete-with-shot
 * behaviour yet — tldraw removes a binding when either of its shapes is deleted).
 */

/** A reference (image, clip, link) pinned to a shot with a role. */
export class ReferenceBindingUtil extends BindingUtil<TLReferenceBinding> {
  static override type = 'reference' as const
  static override props = referenceBindingProps
  static override migrations = referenceBindingMigrations

  override getDefaultProps(): Partial<TLReferenceBinding['props']> {
    return { role: 'style' }
  }
}

/** A motion annotation tied to its shot. */
export class AnnotationBindingUtil extends BindingUtil<TLAnnotationBinding> {
  static override type = 'annotation' as const
  static override props = annotationBindingProps
  static override migrations = annotationBindingMigrations

  override getDefaultProps(): Partial<TLAnnotationBinding['props']> {
    return {}
  }
}
