import { boardSchema } from '../boardSchema'

/**
 * Validates a record with its type's validator in the board schema and returns it; throws, as
 * tldraw's store would refuse it, when the record is invalid or its type is not in the schema.
 */
export function validateRecord(record: unknown): unknown {
  const typeName = (record as { typeName: string }).typeName
  const type = (boardSchema.types as Record<string, { validate(r: unknown): unknown } | undefined>)[typeName]
  if (!type) throw new Error(`no record type ${typeName}`)
  return type.validate(record)
}
