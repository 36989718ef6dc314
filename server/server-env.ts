import type { OperationContext } from '../app/index.ts';
import type { UserRecord } from '../db/index.ts';

/** What middleware puts on a request for the routes after it. */
export interface ServerEnv {
  Variables: {
    requestId: string;
    user: UserRecord;
    operationContext: OperationContext;
  };
}
