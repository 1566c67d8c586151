type Take = { readonly id: string; readonly parentId: string | null; readonly createdAt: string; readonly deletedAt: string | null }

/**
 * The take a shot shows once its active take `activeId` is deleted: the nearest live take it was
 * made from (its parent, else that one's parent…), else the newest other live take; null when it
 * is the shot's only live take (which is then not deleted: the shot would show nothing). A take
 * `canShow` refuses (an unreadable file) is passed over as a deleted one is.
 */
export function takeAfterDeletingActive<T extends Take>(takes: readonly T[], activeId: string, canShow: (take: T) => boolean = () => true): T | null {
  const byId = new Map(takes.map((t) => [t.id, t]))
  const seen = new Set([activeId])
  for (let parent = byId.get(activeId)?.parentId ?? null; parent !== null && !seen.has(parent); parent = byId.get(parent)?.parentId ?? null) {
    seen.add(parent)
    const found = byId.get(parent)
    if (found && found.deletedAt === null && canShow(found)) return found
  }
  const others = takes.filter((t) => t.id !== activeId && t.deletedAt === null && canShow(t))
  return others.reduce<T | null>((newest, t) => (newest === null || t.createdAt > newest.createdAt ? t : newest), null)
}

/** How the confirmation names the take shown instead: its label, else where it stands to the deleted take. */
export function afterDeleteText(
  deleted: Pick<Take, 'id' | 'parentId'>,
  instead: (Take & { readonly label: string }) | null,
): { label: string; named: boolean } | null {
  if (!instead) return null
  if (instead.label) return { label: instead.label, named: true }
  return { label: instead.id === deleted.parentId ? 'the take it was made from' : 'the newest other take', named: false }
}
