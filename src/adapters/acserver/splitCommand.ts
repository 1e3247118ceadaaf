/**
 * AC_SERVER_COMMAND as argv: split on spaces, "double" or 'single' quotes keep spaces. No shell
 * is involved, so nothing in the command is interpreted (no globs, no $VARS, no pipes).
 */
export function splitCommand(command: string): [string, ...string[]] {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let started = false;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new Error(`unbalanced ${quote} in command: ${command}`);
  if (started) args.push(current);
  const [file, ...rest] = args;
  if (file === undefined) throw new Error('the command is empty');
  return [file, ...rest];
}
