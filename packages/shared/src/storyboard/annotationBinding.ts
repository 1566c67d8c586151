import { createBindingPropsMigrationIds, createBindingPropsMigrationSequence } from '@tldraw/tlschema'
import type { RecordProps, TLBaseBinding } from '@tldraw/tlschema'

/** The tldraw binding type that ties a motion annotation to its shot. */
export const ANNOTATION_BINDING_TYPE = 'annotation'

/**
 * The props of an annotation binding. None yet: the binding's existence is the fact that
 * matters (the annotation moves and is deleted with its shot, and a generation request finds a
 * shot's annotations through it).
 */
export type AnnotationBindingProps = Record<string, never>

/** Binds a motion annotation (`fromId`, a `motion` shape) to its shot (`toId`). */
export type TLAnnotationBinding = TLBaseBinding<'annotation', AnnotationBindingProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalBindingPropsMap {
    annotation: AnnotationBindingProps
  }
}

/** Validators for annotation binding props (an empty object; unknown props are refused). */
export const annotationBindingProps: RecordProps<TLAnnotationBinding> = {}

/** Migration ids for annotation binding props. Append new versions at the end. */
export const annotationBindingVersions = createBindingPropsMigrationIds('annotation', {})

/** Append-only migrations for annotation binding props (sequence id `com.tldraw.binding.annotation`). */
export const annotationBindingMigrations = createBindingPropsMigrationSequence({ sequence: [] })
