import { z } from 'zod'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { generationViewSchema, resolvedGenerationParamsSchema } from '@storyloom/shared/generation/api'
import { generationParamsSchema, jobMotionSchema, jobReferenceSchema } from '@storyloom/shared/generation/jobs'
import { commentAnchorSchema, commentResponseSchema, commentThreadResponseSchema } from '@storyloom/shared/review/comments'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'

/**
 * The shared schemas the document writes once, under `components/schemas`, and references with
 * `$ref` wherever a route body contains them (written out per route, they made the document
 * ~260 KB). Names are the document's public vocabulary: keep them stable.
 */
const componentRegistry = z.registry<{ id: string }>()
const named: Record<string, z.ZodType> = {
  ApiError: apiErrorBodySchema,
  Board: boardResponseSchema,
  ShotVersion: shotVersionSchema,
  GenerationParams: generationParamsSchema,
  ResolvedGenerationParams: resolvedGenerationParamsSchema,
  Generation: generationViewSchema,
  Reference: jobReferenceSchema,
  Motion: jobMotionSchema,
  CommentThread: commentThreadResponseSchema,
  Comment: commentResponseSchema,
  CommentAnchor: commentAnchorSchema,
}
for (const [id, schema] of Object.entries(named)) componentRegistry.add(schema, { id })

/** The components written so far, by name (a request-side variant is named `…Input`). */
const written: Record<string, unknown> = {}

/** `#/$defs/X` as the document writes it: `#/components/schemas/X` (`XInput` for a request). */
function componentName(id: string, io: 'input' | 'output'): string {
  return io === 'input' ? `${id}Input` : id
}

/** Rewrites zod's local `$defs` refs to the document's components, in place. */
function pointAtComponents(node: unknown, io: 'input' | 'output'): void {
  if (node === null || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      ;(node as Record<string, unknown>)[key] = `#/components/schemas/${componentName(value.slice('#/$defs/'.length), io)}`
    } else pointAtComponents(value, io)
  }
}

/**
 * A JSON Schema for `schema` (`input`: a request, as sent), with every named shared schema in it
 * as a `$ref` to `components/schemas`, which it fills.
 */
export function schemaRef(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // A named schema at the root: convert a wrapper so zod extracts it into $defs like a nested one.
  const root = z.toJSONSchema(z.object({ root: schema }), { io, unrepresentable: 'any', metadata: componentRegistry }) as unknown as {
    properties: { root: Record<string, unknown> }
    $defs?: Record<string, Record<string, unknown>>
  }
  for (const [id, def] of Object.entries(root.$defs ?? {})) {
    if (!(id in named)) throw new Error(`OpenAPI: schema id ${id} is not a named component`)
    delete def.id
    pointAtComponents(def, io)
    written[componentName(id, io)] = def
  }
  const body = root.properties.root
  pointAtComponents(body, io)
  return body
}

/** The responses written so far, by name. */
const writtenResponses: Record<string, unknown> = {}

/** A `$ref` to the response `name` under `components/responses`, made by `make` the first time. */
export function responseRef(name: string, make: () => Record<string, unknown>): { $ref: string } {
  writtenResponses[name] ??= make()
  return { $ref: `#/components/responses/${name}` }
}

const byName = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)))

/** Every schema and response some route referenced, by name (`components.schemas`, `.responses`). */
export function writtenComponents(): { schemas: Record<string, unknown>; responses: Record<string, unknown> } {
  return { schemas: byName(written), responses: byName(writtenResponses) }
}
