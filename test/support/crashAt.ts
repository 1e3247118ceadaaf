// Preloaded into the bot process by test/e2e/rotationCrash.test.ts: SIGKILLs the bot at one point
// of its first rotation, named by CRASH_AT, by watching the real calls the rotation makes (the
// bot's code is not changed for the test):
//   render             opening the temp file of cfg/server_cfg.ini (nothing renamed yet)
//   rename:server_cfg  right after cfg/server_cfg.ini was renamed into place
//   rename:entry_list  right after cfg/entry_list.ini was renamed into place
//   restart            once the restarted acServer process has spawned (the bot's 2nd spawn)
//   health             at the first GET /INFO (the health wait)
//   current-event      right after currentEvent.json was renamed into place
// The rotation is held until the fake acServer runs (as at any rotation but the start-up one), so
// the acServer the killed bot leaves behind is a running one.
import fs from 'node:fs';
import http from 'node:http';
import childProcess from 'node:child_process';
import path from 'node:path';

const point = process.env.CRASH_AT ?? '';
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
const isCfg = (p: unknown, name: string) =>
  path.basename(path.dirname(String(p))) === 'cfg' && path.basename(String(p)) === name;

const status = path.join(process.env.AC_SERVER_DIR ?? '.', 'fake-acserver.status.json');
const running = () => {
  try {
    return JSON.parse(fs.readFileSync(status, 'utf8')).state === 'running';
  } catch {
    return false;
  }
};
let held = false;
const readFile = fs.promises.readFile;
fs.promises.readFile = (async (file: fs.PathLike, ...rest: unknown[]) => {
  if (!held && isCfg(file, 'server_cfg.ini')) {
    held = true;
    for (let i = 0; i < 600 && !running(); i++) await new Promise((r) => setTimeout(r, 50));
  }
  return (readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
}) as typeof fs.promises.readFile;

const open = fs.promises.open;
fs.promises.open = async (file: fs.PathLike, ...rest: unknown[]) => {
  const name = path.basename(String(file));
  if (
    point === 'render' &&
    path.basename(path.dirname(String(file))) === 'cfg' &&
    name.startsWith('.server_cfg.ini.') &&
    name.endsWith('.tmp')
  )
    die();
  return (open as (...a: unknown[]) => Promise<fs.promises.FileHandle>)(file, ...rest);
};

const rename = fs.promises.rename;
fs.promises.rename = async (from: fs.PathLike, to: fs.PathLike) => {
  await rename(from, to);
  if (point === 'rename:server_cfg' && isCfg(to, 'server_cfg.ini')) die();
  if (point === 'rename:entry_list' && isCfg(to, 'entry_list.ini')) die();
  if (point === 'current-event' && path.basename(String(to)) === 'currentEvent.json') die();
};

let spawns = 0;
const spawn = childProcess.spawn;
childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
  const child = spawn(...args);
  if (point === 'restart' && ++spawns === 2) child.once('spawn', die);
  return child;
}) as typeof spawn;

const get = http.get;
http.get = ((...args: Parameters<typeof http.get>) => {
  if (point === 'health' && String(args[0]).includes('/INFO')) die();
  return get(...args);
}) as typeof http.get;
