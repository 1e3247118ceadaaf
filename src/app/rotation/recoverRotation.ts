import type { RotationDeps } from './rotateEvent';

export type RecoveryOutcome =
  | { action: 'none' }
  | { action: 'finished'; eventId: string }
  | { action: 'undone'; eventId: string; previousEventId: string | null; restarted: boolean };

/**
 * Completes a rotation the bot did not finish (killed, or stopped mid-way): once acServer had
 * answered on the new event it is finished (currentEvent.json written); before that it is undone
 * (the journal's previous pair back, acServer restarted on it when it may run the new one), and the
 * schedule or the admin rotates again. Idempotent: a crash during recovery is recovered the same way.
 * Throws when the files cannot be put back; the journal then stays for the next try.
 */
export async function recoverRotation(deps: RotationDeps): Promise<RecoveryOutcome> {
  const entry = await deps.journal.read();
  if (!entry) return { action: 'none' };
  const eventId = entry.event.id;
  const log = deps.log.child({ rotation: eventId, by: entry.by, step: 'recover' });
  if (entry.step === 'current-event') {
    const files = await deps.files.read();
    if (files.serverCfg !== entry.next.serverCfg || files.entryList !== entry.next.entryList)
      await deps.files.write(entry.next);
    await deps.writeCurrentEvent(entry.event, deps.clock.now());
    await deps.journal.clear();
    await deps
      .recordRotation({ eventId, at: deps.clock.now().toISOString(), by: entry.by })
      .catch((err: Error) => log.warn({ err }, 'could not record the rotation'));
    log.warn(
      { startedAt: entry.startedAt },
      `finished the rotation to ${eventId} that the bot did not finish: acServer had answered on it, currentEvent.json now names it`,
    );
    return { action: 'finished', eventId };
  }
  await deps.files.write(entry.previous);
  const control = deps.control;
  // A child acServer starts with the bot on the restored files; one the bot does not own may run the new pair.
  const restarted = entry.step === 'restart' && !!control && (!control.start || (await control.isRunning()));
  if (restarted) await control.restart();
  await deps.journal.clear();
  const previous = entry.previousEventId ?? 'the previous event';
  const message = `The rotation to ${eventId} (by ${entry.by}, started ${entry.startedAt}) was interrupted at step "${entry.step}" (the bot stopped or crashed). It was undone: the INI files of ${previous} are back${restarted ? ' and acServer was restarted on them' : ''}; currentEvent.json is unchanged. A scheduled rotation is retried at the next tick; run /rotate again for a hand-picked event.`;
  log.warn({ startedAt: entry.startedAt, restarted }, message);
  await deps.alertAdmins(message).catch((err: Error) => log.error({ err }, 'admin alert failed'));
  return { action: 'undone', eventId, previousEventId: entry.previousEventId, restarted };
}
