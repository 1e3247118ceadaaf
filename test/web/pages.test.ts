import {
  startWebHarness,
  withRound1,
  withRound2,
  ALICE,
  CAROL,
  SCRIPT_NAME,
  ATTR_NAME,
} from '../support/web/webHarness';

describe('web pages (server-rendered, escaped, safe)', () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  const pages = () => [
    '/',
    '/schedule',
    '/events/s1%23r1',
    '/events/s1%23r1?view=car',
    '/events/s1%23r1?car=bmw_m3_e30&tyre=SM',
    `/events/s1%23r1/drivers/${h.ids.idOf(CAROL)}`,
    `/events/s1%23r1/drivers/${h.ids.idOf(ALICE)}`,
    '/seasons/s1',
    '/seasons/s2',
    '/tracks/ks_red_bull_ring',
    '/tracks/ks_red_bull_ring/layout_national',
    '/tracks/spa',
    `/drivers/${h.ids.idOf(CAROL)}`,
    '/overlay/s1%23r1?top=3',
  ];
  beforeAll(async () => {
    h = await startWebHarness();
    await withRound1(h);
    await withRound2(h);
  });
  afterAll(() => h.close());

  it('when any page is read, then it is HTML with a CSP that allows no inline script, and no inline script or style in it', async () => {
    for (const url of pages()) {
      const res = await h.get(url);
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.body).toMatch(/^<!doctype html>/);
      expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script is a file
      expect(res.body).not.toMatch(/<[a-z][^>]*\s(style|on[a-z]+)=/i); // no inline style or handler attribute
    }
  });

  it('when drivers have hostile names, then every page shows them as text: in HTML, attributes and SVG', async () => {
    let seenInSvg = false;
    for (const url of pages()) {
      const { body } = await h.get(url);
      expect(body).not.toContain(SCRIPT_NAME);
      expect(body).not.toContain(ATTR_NAME);
      expect(body).not.toMatch(/<img/i);
      if (body.includes('<svg')) seenInSvg ||= body.slice(body.indexOf('<svg')).includes('&quot;>&lt;img src=x');
    }
    const event = (await h.get('/events/s1%23r1')).body;
    expect(event).toContain('&lt;script>alert(1)&lt;/script>');
    expect(event).toContain('title="&quot;>&lt;img src=x onerror=alert(1)>: every lap"');
    expect(seenInSvg).toBe(true);
  });

  it('when GUIDs are not to be shown, then no page carries one', async () => {
    for (const url of pages()) expect((await h.get(url)).body).not.toMatch(/7656119800000000\d/);
  });

  it('when the event page is read, then it has the filters, the live stream address and the best sectors marked', async () => {
    const { body } = await h.get('/events/s1%23r1?car=bmw_m3_e30');
    expect(body).toContain('<option value="bmw_m3_e30" selected>');
    expect(body).toContain('data-live="/events/s1%23r1/live?car=bmw_m3_e30"');
    expect(body).toMatch(/class="num wide best"/);
    const perCar = (await h.get('/events/s1%23r1?view=car')).body;
    expect(perCar.match(/<table class="board">/g)).toHaveLength(2);
  });

  it('when a driver’s laps page is read, then invalid laps say why and the personal best is marked', async () => {
    const { body } = await h.get(`/events/s1%23r1/drivers/${h.ids.idOf(ALICE)}`);
    expect(body).toContain('no: 2 cuts');
    expect(body.match(/<tr class="pb">/g)).toHaveLength(2); // one per car
  });

  it('when the season page is read, then dropped rounds are marked and the chart is inline SVG with labelled axes', async () => {
    const { body } = await h.get('/seasons/s1');
    expect(body).toMatch(/class="num dropped"/);
    const svg = body.slice(body.indexOf('<svg'), body.indexOf('</svg>'));
    expect(svg).toContain('>Points</text>');
    expect(svg).toContain('>Event</text>');
    expect(svg.match(/<polyline/g)!.length).toBeGreaterThanOrEqual(3);
    expect(body).not.toMatch(/<img|\.png/);
  });

  it('when an id is unknown, then the answer is a 404 page that says so', async () => {
    for (const url of [
      '/events/s1%23nope',
      '/events/s1%23r1/drivers/nobody',
      '/seasons/nope',
      '/tracks/nowhere',
      '/tracks/spa/nolayout',
      '/drivers/nobody',
      '/overlay/nope',
      '/events/nope/live',
      '/no/such/page',
    ]) {
      const res = await h.get(url);
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<h1>Not found</h1>');
    }
  });

  it('when a URL names a file, then only the static folder’s own files come back, by name', async () => {
    const css = await h.get('/static/style.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await h.get('/static/live.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const url of [
      '/static/..%2FbuildWebApp.tsx',
      '/static/%2e%2e%2f%2e%2e%2fpackage.json',
      '/static/../web/staticAssets.ts',
      '/static/',
      '/package.json',
      '/static/%2Fetc%2Fpasswd',
    ]) {
      const res = await h.get(url);
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
    const etag = String(css.headers.etag);
    expect(
      (await h.app.inject({ method: 'GET', url: '/static/style.css', headers: { 'if-none-match': etag } })).statusCode,
    ).toBe(304);
  });
});
