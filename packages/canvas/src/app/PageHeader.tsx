import { AccountMenu } from '../account/AccountMenu'

/** The top bar of the pages outside a board (home, account): the brand and the account menu. */
export function PageHeader() {
  return (
    <header className="home__header">
      <div className="brand">
        <img src="/favicon.svg" alt="" className="brand__mark" />
        <span className="brand__name">Storyloom</span>
      </div>
      <AccountMenu />
    </header>
  )
}
