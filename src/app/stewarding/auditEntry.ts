import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../domain/stewarding/types';

let sequence = 0;

/**
 * A new audit entry. Its id sorts by time; within one instant the process's sequence keeps the
 * order of the actions, and the random part keeps two processes (bot and CLI) apart.
 */
export function auditEntry(at: Date, fields: Omit<AuditEntry, 'id' | 'at'>): AuditEntry {
  const iso = at.toISOString();
  sequence = (sequence + 1) % 1e8;
  return { id: `${iso}#${String(sequence).padStart(8, '0')}${randomBytes(3).toString('hex')}`, at: iso, ...fields };
}
