import { DiscordAPIError, HTTPError } from '@discordjs/rest';
import { classifyLoginError, loginWithRetry, DEFAULT_LOGIN_RETRY } from '../../../src/adapters/discord/loginWithRetry';
import { captureLog } from '../../support/captureLog';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const apiError = (status: number) =>
  new DiscordAPIError({ message: 'nope', code: 0 }, 0, status, 'GET', '/gateway/bot', {});

describe('classifyLoginError', () => {
  it('when Discord cannot be reached or answers 5xx or 429, then the login is retried', () => {
    expect(classifyLoginError(refused)).toEqual({ kind: 'retry', reason: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(classifyLoginError(new HTTPError(503, 'Service Unavailable', 'GET', '/gateway/bot', {})).kind).toBe('retry');
    expect(classifyLoginError(apiError(429)).kind).toBe('retry');
    expect(classifyLoginError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }))).toEqual({
      kind: 'retry',
      reason: 'fetch failed (ENOTFOUND)',
    });
  });

  it('when the token is refused, then it is a token failure, and another 4xx is fatal', () => {
    expect(
      classifyLoginError(Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' })),
    ).toEqual({ kind: 'token' });
    expect(classifyLoginError(apiError(401))).toEqual({ kind: 'token' });
    expect(classifyLoginError(apiError(404))).toEqual({ kind: 'fatal', reason: 'Discord answered 404: nope' });
  });
});

describe('loginWithRetry', () => {
  it('when Discord stays unreachable, then waits double up to 5 minutes and the warning is written at most once a minute', async () => {
    const { log, lines } = captureLog();
    let now = 0;
    const waits: number[] = [];
    let calls = 0;
    const result = await loginWithRetry({
      attempt: async () => {
        if (++calls < 12) throw refused;
      },
      retry: DEFAULT_LOGIN_RETRY,
      log,
      stopped: () => false,
      sleep: async (ms) => void (waits.push(ms), (now += ms)),
      now: () => now,
    });
    expect(result).toBeUndefined();
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300, 300, 300].map((s) => s * 1000));
    // Warnings at 0 s, 75 s (the first attempt a minute later), 155 s, 315 s, then every wait (5 min).
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings.map((l) => l.attempt)).toEqual([1, 5, 6, 7, 8, 9, 10, 11]);
    expect(lines.filter((l) => l.level === 20)).toHaveLength(11);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ level: 30, attempts: 12 }));
  });

  it('when the token is refused, then it stops at once and says so', async () => {
    const { log } = captureLog();
    const sleep = jest.fn(async () => {});
    const result = await loginWithRetry({
      attempt: async () => Promise.reject(apiError(401)),
      retry: DEFAULT_LOGIN_RETRY,
      log,
      stopped: () => false,
      sleep,
    });
    expect(result).toEqual({ kind: 'token' });
    expect(sleep).not.toHaveBeenCalled();
  });
});
