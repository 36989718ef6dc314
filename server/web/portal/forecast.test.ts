import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, runOperation, systemClock, userActor } from '../../../app/index.ts';
import { showForecast } from '../../../app/forecast/index.ts';
import { createPortalLink } from '../../../app/portal/index.ts';
import { ingestAndRate } from '../../../cli/commands/testing/billing-setup.ts';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { setUpApi, TODAY, type ApiUsers } from '../../testing/api-setup.ts';

// The portal's forecast in process: A1 calls 14 minutes in April's first days (10 included).
let store: ReturnType<typeof createTempStore>;
let app: Awaited<ReturnType<typeof setUpApi>>['app'];
let users: ApiUsers;
let cookie: string;

beforeAll(async () => {
  store = createTempStore();
  ({ app, users } = await setUpApi(store));
  await ingestAndRate(store, [
    'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
    'q1,voice,outbound,447700900123,,,,+447812345678,2025-04-02T10:00:00Z,480,answered,,',
    'q2,voice,outbound,447700900123,,,,+447812345678,2025-04-03T10:00:00Z,360,answered,,',
  ]);
  const link = await runOperation(createPortalLink, createContext({ store, actor: userActor(users.alice.user), clock: systemClock(TODAY) }), { accountId: 'A1' });
  const opened = await app.request(`/portal/open?link=${encodeURIComponent(link.token)}`);
  cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => store.cleanup());

const page = async (path: string) => (await app.request(path, { headers: { cookie } })).text();
const forecast = () => runOperation(showForecast, createContext({ store, actor: userActor(users.cora.user), clock: systemClock(TODAY) }), {});

describe('the portal shows the forecast', () => {
  it('warns on the home page of the allowance heading over, with the expected extra charge of forecasts.show', async () => {
    const f = await forecast();
    const minutes = f.lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    expect(minutes.projectedToExceed).toBe(true);
    const home = await page('/portal');
    expect(home).toContain('forecast to 2025-04-30');
    const warning = /<li data-forecast="L1-UK_MIN">([\s\S]*?)<\/li>/.exec(home)?.[1] ?? '';
    expect(warning).toContain(`about ${minutes.projectedUse} min of 10.00 by 2025-04-30`);
    expect(warning).toContain(`£${minutes.extraCharge}`);
    expect(home).not.toContain('data-forecast="L1-SMS_100"');
  });

  it('lists the forecast and the expected extra per allowance on the usage page', async () => {
    const f = await forecast();
    const minutes = f.lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    const usage = await page('/portal/usage');
    expect(usage).toContain('Forecast');
    expect(usage).toContain(`${minutes.projectedUse}<span class="badge badge-warn">goes over</span>`);
    expect(usage).toContain(`£${minutes.extraCharge}`);
    expect(usage).not.toContain('plain');
  });
});
