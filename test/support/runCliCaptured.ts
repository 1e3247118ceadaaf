import { runCli } from '../../src/cli/runCli';

/** Runs one CLI command in-process and returns its exit code with what it wrote to stdout and stderr. */
export async function runCliCaptured(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
