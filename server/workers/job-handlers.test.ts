import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpManyAccounts } from '../../cli/commands/testing/many-accounts.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { JOB_NAMES } from './queues.ts';
import { defaultHandlers, type WorkerDeps } from './job-handlers.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpManyAccounts(store, 3);
});
afterEach(() => store.cleanup());

const deps = () => ({ store, tenant: 'switchboard.local', timezone: 'UTC', logger: { debug() {}, info() {}, warn() {}, error() {} } }) as unknown as WorkerDeps;

describe('the job-handler table', () => {
  it('has a handler for every job name', () => {
    expect(Object.keys(defaultHandlers()).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('runs rating and the overdue pass as operations of the tenant’s cycle actor', async () => {
    const h = defaultHandlers();
    await expect(h['rating.hourly']({} as Job, deps())).resolves.toMatchObject({ considered: 0, rated: 0 });
    // The daily pass marks overdue invoices, records the day's scheduled notifications (three accounts scanned) and runs collections.
    await expect(h['invoices.overdue']({} as Job, deps())).resolves.toMatchObject({
      overdue: { overdue: 0, invoices: [] },
      notifications: { accounts: 3 },
      collections: { remindersSent: 0, proposed: [] },
    });
    // Another tenant's cycle may not rate this database's usage.
    await expect(h['rating.hourly']({} as Job, { ...deps(), tenant: 'other' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('delivers the outbox: with nothing due it claims nothing', async () => {
    await expect(defaultHandlers()['notifications.deliver']({} as Job, deps())).resolves.toEqual({ claimed: 0, delivered: 0, skipped: 0, failed: 0, dead: 0 });
  });
});
