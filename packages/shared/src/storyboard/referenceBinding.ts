import { createBindingPropsMigrationIds, createBindingPropsMigrationSequence } from '@tldraw/tlschema'
import type { RecordProps, TLBaseBinding } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { REFERENCE_ROLE_IDS } from './vocabulary'
import type { ReferenceRole } from './vocabulary'

/** The tldraw binding type that pins a reference to a shot. */
export const REFERENCE_BINDING_TYPE = 'reference'

/**
 * Shape types that can be a reference: an image, a clip, or a pasted link (bookmark or embed).
 * One reference shape can be bound to many shots, which is how one character sheet serves a
 * whole sequence.
 */
export const REFERENCE_SOURCE_SHAPE_TYPES = ['image', 'video', 'bookmark', 'embed'] as const

/** The props of a reference binding. */
export interface ReferenceBindingProps {
  /** What the reference is for: style, character, location, prop or composition. */
  role: ReferenceRole
}

/**
 * A reference pinned to a shot: `fromId` is the reference (image, video, bookmark or embed
 * shape), `toId` is the shot.
 */
export type TLReferenceBinding = TLBaseBinding<'reference', ReferenceBindingProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalBindingPropsMap {
    reference: ReferenceBindingProps
  }
}

/** Validators for reference binding props. */
export const referenceBindingProps: RecordProps<TLReferenceBinding> = {
  role: T.literalEnum(...REFERENCE_ROLE_IDS),
}

/** Migration ids for reference binding props. Append new versions at the end. */
export const referenceBindingVersions = createBindingPropsMigrationIds('reference', {})

/** Append-only migrations for reference binding props (sequence id `com.tldraw.binding.reference`). */
export const referenceBindingMigrations = createBindingPropsMigrationSequence({ sequence: [] })
