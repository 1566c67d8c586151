/** The ids of the people a comment @mentions: `@Name` for any member's name, case-insensitive. */
export function mentionedIds(body: string, people: readonly { userId: string; name: string }[]): string[] {
  const text = body.toLowerCase()
  return people.filter((p) => text.includes(`@${p.name.toLowerCase()}`)).map((p) => p.userId)
}
