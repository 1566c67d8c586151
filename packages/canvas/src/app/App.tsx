import { Suspense, lazy } from 'react'
import { Link, Route, Switch } from 'wouter'
import { AccountPage } from '../account/AccountPage'
import { InvitePage } from '../account/InvitePage'
import { PasswordResetPage } from '../account/PasswordResetPage'
import { SessionGate } from '../account/SessionGate'
import { HomePage } from '../home/HomePage'
import { StatusScreen } from './StatusScreen'

// tldraw is most of the app's weight: load it only when a board is opened.
const BoardPage = lazy(() => import('../board/BoardPage'))
const PresentationPage = lazy(() => import('../presentation/PresentationPage'))
const PrintPage = lazy(() => import('../print/PrintPage'))
const ReviewNotesPage = lazy(() => import('../print/notes/ReviewNotesPage'))
const ReviewPage = lazy(() => import('../review/ReviewPage'))

/**
 * Routes (behind sign-in when accounts are on): `/invite#<token>` joins a board,
 * `/reset-password#<token>` sets a forgotten password (both open when signed out), `/` lists boards,
 * `/account` manages accounts, `/b/:boardId` opens one, `/b/:boardId/present` presents it,
 * `/b/:boardId/print` lays its storyboard out for printing, `/b/:boardId/review-notes` the client's
 * review notes. `/review/:token`, a client-review
 * link, is for people without an account (`/review/:token/print` prints its storyboard): never behind sign-in.
 */
export function App() {
  return (
    <Switch>
      <Route path="/review/:token/print">
        {({ token }) => (
          <Suspense fallback={<StatusScreen busy title="Opening storyboard…" />}>
            <ReviewPage key={token} token={token} view="print" />
          </Suspense>
        )}
      </Route>
      <Route path="/review/:token">
        {({ token }) => (
          <Suspense fallback={<StatusScreen busy title="Opening review…" />}>
            <ReviewPage key={token} token={token} />
          </Suspense>
        )}
      </Route>
      <Route>
        <TeamRoutes />
      </Route>
    </Switch>
  )
}

function TeamRoutes() {
  return (
    <SessionGate>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/invite" component={InvitePage} />
        <Route path="/reset-password" component={PasswordResetPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/b/:boardId">
          {({ boardId }) => (
            <Suspense fallback={<StatusScreen busy title="Opening board…" />}>
              <BoardPage key={boardId} boardId={boardId} />
            </Suspense>
          )}
        </Route>
        <Route path="/b/:boardId/present">
          {({ boardId }) => (
            <Suspense fallback={<StatusScreen busy title="Opening presentation…" />}>
              <PresentationPage key={boardId} boardId={boardId} />
            </Suspense>
          )}
        </Route>
        <Route path="/b/:boardId/print">
          {({ boardId }) => (
            <Suspense fallback={<StatusScreen busy title="Opening storyboard…" />}>
              <PrintPage key={boardId} boardId={boardId} />
            </Suspense>
          )}
        </Route>
        <Route path="/b/:boardId/review-notes">
          {({ boardId }) => (
            <Suspense fallback={<StatusScreen busy title="Opening review notes…" />}>
              <ReviewNotesPage key={boardId} boardId={boardId} />
            </Suspense>
          )}
        </Route>
        <Route>
          <StatusScreen title="Page not found" message="There is nothing at this address.">
            <Link href="/" className="button button--primary">
              Back to boards
            </Link>
          </StatusScreen>
        </Route>
      </Switch>
    </SessionGate>
  )
}
