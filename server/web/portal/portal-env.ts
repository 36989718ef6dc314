import type { WebEnv } from '../web-env.ts';

/** What the portal's guard adds to a request: the one account the session shows, and how it was opened. */
export interface PortalEnv {
  Variables: WebEnv['Variables'] & {
    portalAccountId: string;
    /** The account holder's name, as the header shows it. */
    customerName: string;
    portalVia: 'user' | 'link';
  };
}
