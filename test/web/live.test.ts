import type { AddressInfo } from 'node:net';
import { startWebHarness, withRound1, MX5 } from '../support/web/webHarness';
import { openSse, waitUntil } from '../support/web/sseClient';

const NEW_DRIVER = { guid: '76561198000000099', name: 'Zoë Newcomer', car: MX5, sectors: [28000, 28000, 28000] };

describe('live boards over Server-Sent Events', () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  let base: string;
  beforeEach(async () => {
    h = await startWebHarness({ maxStreams: 3 });
    await withRound1(h);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => h.close());

  it('when a results file is ingested, then every open stream gets the new board without asking', async () => {
    const page = await openSse(`${base}/events/s1%23r1/live`);
    const api = await openSse(`${base}/api/v1/events/s1%23r1/leaderboard/stream?car=${MX5}`);
    expect(page.status).toBe(200);
    await waitUntil(() => page.frames.length === 1 && api.frames.length === 1, 5000, 'first boards');
    expect(page.frames[0]!.event).toBe('board');
    expect(page.frames[0]!.data).toContain('<table class="board">');
    expect(page.frames[0]!.data).not.toContain(NEW_DRIVER.name);

    await h.ingest('2026_3_3_20_0_PRACTICE.json', {
      track: 'ks_red_bull_ring',
      layout: 'layout_national',
      laps: [NEW_DRIVER],
    });
    await waitUntil(() => page.frames.length >= 2 && api.frames.length >= 2, 5000, 'updated boards');
    expect(page.frames.at(-1)!.data).toContain(NEW_DRIVER.name);
    const json = JSON.parse(api.frames.at(-1)!.data) as {
      rows: Array<{ driver: string; position: number; carModel: string }>;
    };
    expect(json.rows[0]).toMatchObject({ driver: NEW_DRIVER.name, position: 1, carModel: MX5 });
    page.close();
    api.close();
  });

  it('when the cap of live connections is reached, then the next one gets 503 and a closed one frees its place', async () => {
    const open = await Promise.all([1, 2, 3].map(() => openSse(`${base}/events/s1%23r1/live`)));
    await waitUntil(() => h.hub.clients === 3, 5000, 'three clients');
    const refused = await openSse(`${base}/api/v1/events/s1%23r1/leaderboard/stream`);
    expect(refused.status).toBe(503);
    await refused.closed;
    expect(JSON.parse(refused.body())).toMatchObject({ error: 'unavailable' });

    open[0]!.close();
    await waitUntil(() => h.hub.clients === 2, 5000, 'the closed client dropped');
    const again = await openSse(`${base}/overlay/s1%23r1/live?top=2`);
    expect(again.status).toBe(200);
    await waitUntil(() => again.frames.length === 1, 5000, 'overlay board');
    expect(again.frames[0]!.data.match(/<tr>/g)?.length ?? 0).toBeLessThanOrEqual(3);
    for (const c of [...open.slice(1), again]) c.close();
    await waitUntil(() => h.hub.clients === 0, 5000, 'all clients dropped');
  });

  it('when the server stops, then open streams end instead of holding it up', async () => {
    const client = await openSse(`${base}/events/s1%23r1/live`);
    await waitUntil(() => client.frames.length === 1, 5000, 'first board');
    await h.app.close();
    await client.closed;
    expect(h.hub.clients).toBe(0);
  });

  it('when an unknown event is asked for, then the stream is a 404, not an open connection', async () => {
    const res = await openSse(`${base}/api/v1/events/s1%23nope/leaderboard/stream`);
    expect(res.status).toBe(404);
    await res.closed;
    expect(h.hub.clients).toBe(0);
  });
});
