import type { RotationResult } from '../../app/rotation/rotationTypes';
import type { RotationPlan, SlotCount } from '../../domain/rotation/planRotation';
import { rotationFailureAlert } from '../../app/rotation/rotationSteps';
import { escapeMarkdown, sanitizeForCodeBlock } from '../../domain/text/discordText';

const LIMIT = 2000;

/** The /rotate reply: what changed (or would) in the INI files as a diff, always within 2000 characters. */
export function rotationReply(result: RotationResult, title: (eventId: string) => string): string {
  switch (result.status) {
    case 'busy':
      return `A rotation to \`${result.eventId}\` is already in progress. Try again when it has finished.`;
    case 'no-event':
      return result.reason;
    case 'failed':
      return fit(`**Rotation failed.** ${escapeMarkdown(rotationFailureAlert(result))}`, [], '');
    case 'dry-run': {
      const head = `**Dry run: rotating to ${escapeMarkdown(title(result.plan.event.id))}** (\`${result.plan.event.id}\`) would change:`;
      const problems = result.problems.map((p) => `⚠️ ${escapeMarkdown(p)}`).join('\n');
      return fit(head, diffLines(result.plan), ['Nothing was changed.', problems].filter(Boolean).join('\n'));
    }
    case 'rotated': {
      const how = result.restarted
        ? 'acServer restarted and answering'
        : 'files written; **restart acServer by hand** (AC_SERVER_CONTROL=none)';
      const head = `**Rotated to ${escapeMarkdown(title(result.plan.event.id))}** (\`${result.plan.event.id}\`) in ${(result.ms / 1000).toFixed(1)} s: ${how}.`;
      return fit(head, diffLines(result.plan), result.warnings.map((w) => `⚠️ ${escapeMarkdown(w)}`).join('\n'));
    }
  }
}

function diffLines(plan: RotationPlan): string[] {
  const out = ['# cfg/server_cfg.ini'];
  if (plan.serverCfg.length === 0) out.push('  (no change)');
  for (const c of plan.serverCfg) {
    if (c.from !== undefined) out.push(`- [${c.section}] ${c.key}=${c.from}`);
    if (c.to !== undefined) out.push(`+ [${c.section}] ${c.key}=${c.to}`);
  }
  out.push('# cfg/entry_list.ini');
  if (!plan.entryList.changed) out.push('  (no change)');
  else {
    if (plan.entryList.before !== null) out.push(`- ${slots(plan.entryList.before)}`);
    out.push(`+ ${slots(plan.entryList.after)}`);
  }
  return out.map(sanitizeForCodeBlock);
}

function slots(counts: SlotCount[]): string {
  const total = counts.reduce((n, c) => n + c.slots, 0);
  return `${total} slot${total === 1 ? '' : 's'}: ${counts.map((c) => `${c.model} x${c.slots}`).join(', ') || 'none'}`;
}

/** head + ```diff block + tail; diff lines are dropped from the end (with a count) until it fits. */
function fit(head: string, diff: string[], tail: string): string {
  const [h, t] = [clip(head, 600), clip(tail, 600)];
  const build = (keep: number) => {
    const dropped = diff.length - keep;
    const body = dropped > 0 ? [...diff.slice(0, keep), `… ${dropped} more line${dropped === 1 ? '' : 's'}`] : diff;
    return [h, body.length > 0 ? `\`\`\`diff\n${body.join('\n')}\n\`\`\`` : '', t].filter(Boolean).join('\n');
  };
  let keep = diff.length;
  while (keep > 0 && build(keep).length > LIMIT) keep--;
  return clip(build(keep), LIMIT);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
