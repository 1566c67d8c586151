/** The people menu's popover id in tldraw's open-menus list (so a row of it can close it). */
export const PEOPLE_MENU_ID = 'storyloom people menu'
