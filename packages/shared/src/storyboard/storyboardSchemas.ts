import type { SchemaPropsInfo } from '@tldraw/tlschema'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import { annotationBindingMigrations, annotationBindingProps } from './annotationBinding'
import { boardSettingsRecordInfo } from './boardSettingsRecord'
import { motionShapeMigrations, motionShapeProps } from './motionShape'
import { referenceBindingMigrations, referenceBindingProps } from './referenceBinding'
import { sceneRecordInfo } from './sceneRecord'
import { shotShapeMigrations, shotShapeProps } from './shotShape'

/**
 * Everything the storyboard adds to a board's tldraw schema, ready to spread into
 * `createTLSchema`:
 *
 * ```ts
 * createTLSchema({
 *   shapes: { ...defaultShapeSchemas, ...storyboardShapeSchemas },
 *   bindings: { ...defaultBindingSchemas, ...storyboardBindingSchemas },
 *   records: storyboardRecordSchemas,
 * })
 * ```
 */

/** The storyboard's shapes: shots and motion annotations. */
export const storyboardShapeSchemas = {
  shot: { props: shotShapeProps, migrations: shotShapeMigrations },
  motion: { props: motionShapeProps, migrations: motionShapeMigrations },
} satisfies Record<string, SchemaPropsInfo>

/** The storyboard's bindings: references pinned to shots and annotations tied to shots. */
export const storyboardBindingSchemas = {
  reference: { props: referenceBindingProps, migrations: referenceBindingMigrations },
  annotation: { props: annotationBindingProps, migrations: annotationBindingMigrations },
} satisfies Record<string, SchemaPropsInfo>

/** The storyboard's own document records: scenes and the board settings singleton. */
export const storyboardRecordSchemas = {
  scene: sceneRecordInfo,
  board_settings: boardSettingsRecordInfo,
} satisfies Record<string, CustomRecordInfo>
