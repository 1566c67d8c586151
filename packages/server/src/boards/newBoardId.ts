import { randomBytes } from 'node:crypto'

/** 12 random bytes as base64url: 16 URL-safe characters, 96 bits — unguessable, short in a URL. */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url')
}
