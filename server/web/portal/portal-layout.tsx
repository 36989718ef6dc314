import type { Child } from 'hono/jsx';
import { Document, SignOut, type PageSession } from '../layout.tsx';

/** The portal's pages, in the order its navigation shows them (no console page is ever linked). */
export const PORTAL_NAV: ReadonlyArray<{ href: string; label: string }> = [
  { href: '/portal', label: 'Home' },
  { href: '/portal/usage', label: 'Usage' },
  { href: '/portal/invoices', label: 'Invoices' },
  { href: '/portal/payments', label: 'Payments' },
  { href: '/portal/plans', label: 'Plans' },
  { href: '/portal/help', label: 'Help' },
];

/**
 * A portal page: the account holder's header (brand, the portal's own navigation, their name and
 * sign-out), then the page under its title. Phone first: the navigation wraps, tables scroll.
 */
export function PortalPage(props: { title: string; active: string; session: PageSession; accountId: string; scripts?: readonly string[]; children: Child }) {
  return (
    <Document title={props.title} csrfToken={props.session.csrfToken} scripts={['/assets/portal.js', ...(props.scripts ?? [])]}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top portal-top">
        <a class="brand" href="/portal">
          Switchboard <span class="brand-sub">my account</span>
        </a>
        <nav aria-label="Portal">
          <ul>
            {PORTAL_NAV.map((n) => (
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
          <span class="account-id">{props.accountId}</span>
          <SignOut action="/portal/sign-out" csrfToken={props.session.csrfToken} />
        </div>
      </header>
      <main id="main" class="portal">
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </Document>
  );
}

/** The page a refused link or a closed portal shows: no navigation, no account, only what happened. */
export function PortalRefusal(props: { title: string; message: string; tone?: 'error' | 'ok'; children?: Child }) {
  const tone = props.tone ?? 'error';
  return (
    <Document title={props.title}>
      <main id="main" class="narrow portal-refused">
        <h1>{props.title}</h1>
        <p class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
          {props.message}
        </p>
        {props.children}
      </main>
    </Document>
  );
}
