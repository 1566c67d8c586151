/** The IndexedDB database that holds this device's offline copy of a board's doc. */
export function localCopyName(boardId: string): string {
  return `storyloom:board:${boardId}`
}
