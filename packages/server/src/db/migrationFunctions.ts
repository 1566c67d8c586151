import type Database from 'better-sqlite3'
import { withoutControlCharacters, withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'
import { commentWithoutControlCharacters } from '@storyloom/shared/review/comments'

/**
 * SQL functions the committed migrations call, defined on the connection before they run (see
 * openDatabase): rules that live in TypeScript, applied to stored rows by the very code the API
 * validates with. SQLite's own `replace()` cannot remove NUL, for one.
 */
export function defineMigrationFunctions(sqlite: Database.Database): void {
  const orNull = (clean: (text: string) => string) => (value: unknown) => (typeof value === 'string' ? clean(value) : value)
  // 0007: text saved before control characters were refused.
  sqlite.function('storyloom_name_without_controls', { deterministic: true }, orNull(withoutControlCharacters))
  sqlite.function('storyloom_comment_without_controls', { deterministic: true }, orNull(commentWithoutControlCharacters))
  // 0008: text saved before characters that reorder or hide text were refused.
  sqlite.function('storyloom_without_reordering_or_hiding', { deterministic: true }, orNull(withoutReorderingOrHidingCharacters))
}
