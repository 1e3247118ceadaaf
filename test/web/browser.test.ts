import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import {
  startWebHarness,
  withRound1,
  withRound2,
  SCRIPT_NAME,
  ATTR_NAME,
  MX5,
  E30,
  CAROL,
} from '../support/web/webHarness';
import { launchChromium, screenshotDir } from '../support/web/chromium';

jest.setTimeout(120_000);
const WAIT = { timeout: 20_000 };
const NEWCOMER = { guid: '76561198000000099', name: 'Zoë Newcomer', car: MX5, sectors: [28000, 28000, 28000] };

describe('the website in real headless Chromium', () => {
  let h: Awaited<ReturnType<typeof startWebHarness>>;
  let browser: Browser;
  let base: string;
  const shots = screenshotDir();
  const problems: string[] = [];

  /** A page that records CSP violations, script errors and dialogs (a hostile name that ran would open one). */
  const open = async (
    url: string,
    opts: { timezoneId?: string; locale?: string; width?: number } = {},
  ): Promise<Page> => {
    const context = await browser.newContext({
      timezoneId: opts.timezoneId ?? 'UTC',
      locale: opts.locale ?? 'en-GB',
      viewport: { width: opts.width ?? 1200, height: 900 },
    });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${url}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${url}: ${e.message}`));
    page.on('dialog', (d) => problems.push(`${url}: dialog ${d.message()}`));
    await page.goto(base + url);
    return page;
  };

  beforeAll(async () => {
    h = await startWebHarness({ now: '2026-03-02T12:00:00Z' });
    await withRound1(h);
    await withRound2(h);
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  afterEach(() => {
    expect(problems).toEqual([]);
    problems.length = 0;
  });

  it('when a results file is dropped, then the live page shows the new lap without a reload', async () => {
    const page = await open('/');
    await page.locator('[data-live-status][data-state="open"]').waitFor(WAIT);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await h.ingest('2026_3_3_20_0_PRACTICE.json', {
      track: 'ks_red_bull_ring',
      layout: 'layout_national',
      laps: [NEWCOMER],
    });
    await page.locator('#board tbody tr').first().getByText(NEWCOMER.name).waitFor(WAIT);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'home-live.png'), fullPage: true });
  });

  it('when a car is picked in the filters, then the board shows only that car, and the per-car view one table per car', async () => {
    const page = await open('/events/s1%23r1');
    await page.selectOption('select[name="car"]', E30);
    await page.waitForURL(/car=bmw_m3_e30/, WAIT);
    const cars = await page.locator('#board tbody td.wide:nth-child(3)').allTextContents();
    expect(cars.length).toBeGreaterThan(0);
    expect(cars.every((c) => c.startsWith('BMW M3 E30'))).toBe(true);
    await page.selectOption('select[name="car"]', '');
    await page.waitForURL((u) => !u.search.includes('car='), WAIT);
    await page.selectOption('select[name="view"]', 'car');
    await page.waitForURL(/view=car/, WAIT);
    expect(await page.locator('#board table.board').count()).toBe(2);
    await page.screenshot({ path: path.join(shots, 'event-per-car.png'), fullPage: true });
  });

  it('when the schedule is opened in two time zones and languages, then each reader sees the start in their own', async () => {
    const startOf = async (timezoneId: string, locale: string) => {
      const page = await open('/schedule', { timezoneId, locale });
      const cell = page.locator('tr[data-event="s1#r1"] time');
      await page.waitForFunction((el) => !el.textContent.endsWith('UTC'), await cell.elementHandle(), WAIT);
      await page.screenshot({ path: path.join(shots, `schedule-${locale}.png`), fullPage: true });
      return (await cell.textContent())!;
    };
    // 2026-03-01 18:00 UTC: 13:00 in New York (EST), 19:00 in Berlin (CET).
    expect(await startOf('America/New_York', 'en-US')).toMatch(/\b01:00\s?PM\b/);
    expect(await startOf('Europe/Berlin', 'de-DE')).toMatch(/\b19:00\b/);
  });

  it('when the overlay is opened, then its background is transparent and it shows the top rows', async () => {
    const page = await open('/overlay/s1%23r1?top=2', { width: 600 });
    const backgrounds = await page.evaluate(() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    expect(await page.locator('tbody tr').count()).toBe(2);
    const png = await page.screenshot({ path: path.join(shots, 'overlay.png'), omitBackground: true });
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0);
    const corner = g.getImageData(image.width - 2, image.height - 2, 1, 1).data;
    expect(corner[3]).toBe(0); // alpha: what OBS shows through
  });

  it('when drivers have hostile names, then the browser renders them as text everywhere and runs nothing', async () => {
    const page = await open('/events/s1%23r1');
    const names = await page.locator('#board td.driver a').allTextContents();
    expect(names).toEqual(expect.arrayContaining([SCRIPT_NAME, ATTR_NAME]));
    expect(await page.locator('#board td.driver a', { hasText: 'img src' }).getAttribute('title')).toBe(
      `${ATTR_NAME}: every lap`,
    );
    expect(await page.locator('main img, main script').count()).toBe(0);
    const season = await open('/seasons/s1');
    const legend = await season.locator('svg text.legend').allTextContents();
    expect(legend.some((t) => t.includes('"><img src=x'))).toBe(true);
    expect(await season.locator('svg image, svg script, svg foreignObject').count()).toBe(0);
    await season.screenshot({ path: path.join(shots, 'season.png'), fullPage: true });
    const laps = await open(`/events/s1%23r1/drivers/${h.ids.idOf(CAROL)}`);
    expect(await laps.locator('h2 a').textContent()).toBe(ATTR_NAME);
    await laps.screenshot({ path: path.join(shots, 'driver-laps.png'), fullPage: true });
  });

  it('when read on a phone-sized screen, then the page does not scroll sideways', async () => {
    const page = await open('/events/s1%23r1?view=car', { width: 390 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(shots, 'event-phone.png'), fullPage: true });
    const track = await open('/tracks/ks_red_bull_ring');
    await track.screenshot({ path: path.join(shots, 'track.png'), fullPage: true });
    process.stdout.write(`screenshots in ${shots}\n`);
  });
});
