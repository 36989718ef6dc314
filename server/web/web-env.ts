import type { WebSession } from '../../db/index.ts';
import type { ServerEnv } from '../server-env.ts';

/** What the web middleware puts on a request: the API's variables and the browser session. */
export interface WebEnv {
  Variables: ServerEnv['Variables'] & {
    session: WebSession;
    /** The name the header shows for whoever is signed in. */
    displayName: string;
  };
}
