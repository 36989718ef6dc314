import type { Child } from 'hono/jsx';

/** A link of the console's navigation. */
interface NavItem {
  href: string;
  label: string;
}

/** The console's pages, in the order the navigation shows them. */
export const CONSOLE_NAV: readonly NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/chat', label: 'Chat' },
  { href: '/approvals', label: 'Approvals' },
  { href: '/invoices', label: 'Invoices' },
  { href: '/usage', label: 'Usage' },
  { href: '/quarantine', label: 'Quarantine' },
  { href: '/accounts', label: 'Accounts' },
  { href: '/cycles', label: 'Cycles' },
  { href: '/collections', label: 'Collections' },
  { href: '/payments', label: 'Payments' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/cashflow', label: 'Cash flow' },
  { href: '/assurance', label: 'Assurance' },
  { href: '/notifications', label: 'Notifications' },
  { href: '/pricing', label: 'Pricing' },
];

/** Who is signed in, as the header shows them, and the session's CSRF token for its forms. */
export interface PageSession {
  displayName: string;
  csrfToken: string;
}

/** The document every page shares: one stylesheet, scripts only from /assets, the CSRF token in a meta tag. */
export function Document(props: { title: string; csrfToken?: string; scripts?: readonly string[]; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.csrfToken ? <meta name="csrf-token" content={props.csrfToken} /> : null}
        <title>{`${props.title} · Switchboard`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {/* No favicon request (it would only be a 404 in the console's log). */}
        <link rel="icon" href="data:," />
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** The sign-out button: a form, so it carries the CSRF token and works without scripts. */
export function SignOut(props: { action: string; csrfToken: string }) {
  return (
    <form method="post" action={props.action} class="sign-out">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <button type="submit">Sign out</button>
    </form>
  );
}

/**
 * A console page: header with the navigation (the current page marked), who is signed in and
 * sign-out, then the page's own content under its title.
 */
export function ConsolePage(props: { title: string; active: string; session: PageSession; scripts?: readonly string[]; actions?: Child; children: Child }) {
  return (
    <Document title={props.title} csrfToken={props.session.csrfToken} scripts={['/assets/chart.js', '/assets/console.js', ...(props.scripts ?? [])]}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          Switchboard
        </a>
        <nav aria-label="Console">
          <ul>
            {CONSOLE_NAV.map((n) => (
              <li>
                <a href={n.href} aria-current={n.href === props.active ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="user">{props.session.displayName}</span>
          <SignOut action="/sign-out" csrfToken={props.session.csrfToken} />
        </div>
      </header>
      <main id="main">
        <div class="page-head">
          <h1>{props.title}</h1>
          {props.actions ? <div class="page-actions">{props.actions}</div> : null}
        </div>
        {props.children}
      </main>
    </Document>
  );
}
