/**
 * The names the canvas makes up for a person who never gave one ("Guest Fox" on their cursor),
 * and what is shown instead wherever a name is kept on record. One definition for the canvas,
 * which makes them up, and the server, which must never keep or suggest them.
 */

const ANIMALS = [
  'Otter', 'Heron', 'Lynx', 'Badger', 'Falcon', 'Marten', 'Ibis', 'Puffin', 'Gecko', 'Fox',
  'Koala', 'Manta', 'Orca', 'Panda', 'Quokka', 'Raven', 'Seal', 'Tapir', 'Wren', 'Yak',
]

/** Who a team comment, a resolve or a generation is by when the person never gave a name. */
export const SOMEONE_ON_THE_TEAM = 'Someone on the team'

/** A friendly made-up name for a cursor, e.g. "Guest Otter". */
export function guestName(): string {
  return `Guest ${ANIMALS[Math.floor(Math.random() * ANIMALS.length)]!}`
}

/**
 * Whether `name` is one {@link guestName} made up for a device whose person never gave one: a
 * label for their cursor while they are here, not a name to keep on record (a link turned off "by
 * Guest Fox" named nobody the team knows).
 */
export function isGuestName(name: string): boolean {
  const [guest, animal, ...rest] = name.trim().split(/\s+/)
  return guest === 'Guest' && rest.length === 0 && ANIMALS.includes(animal ?? '')
}

/**
 * Whether a name on record names nobody the team could reach by it: a made-up "Guest Fox" (kept
 * by an older canvas) or {@link SOMEONE_ON_THE_TEAM}. `@` never suggests such a name.
 */
export function namesNoOne(name: string): boolean {
  return isGuestName(name) || name.trim() === SOMEONE_ON_THE_TEAM
}
