import { defaultUserPreferences, getUserPreferences, setUserPreferences } from 'tldraw'
import { guestName } from '@storyloom/shared/people/guestNames'

/**
 * Makes sure this browser's user has a name and a colour. tldraw keeps the user's id, name and
 * colour in localStorage (stable across reloads, shared by tabs) and lets people edit them in
 * its people menu; a new user has neither name nor, sometimes, a stored colour. With accounts,
 * the name and the id are the account's: a shot assigned to an account id finds that person's
 * presence (their cursor's colour; "mine" in find) whichever browser they use.
 */
export function ensureGuestIdentity(account?: { id: string; name: string }): void {
  const prefs = getUserPreferences()
  const id = account?.id ?? prefs.id
  // Signed in, others see the account's name.
  const name = account?.name ?? (prefs.name?.trim() ? prefs.name : guestName())
  // tldraw's default is one of its collaborator colours, picked at random per page load.
  const color = prefs.color || defaultUserPreferences.color
  if (id !== prefs.id || name !== prefs.name || color !== prefs.color) setUserPreferences({ ...prefs, id, name, color })
}
