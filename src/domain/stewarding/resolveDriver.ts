import { isRealGuid } from '../results/isValidLap';

export interface KnownDriver {
  driverGuid: string;
  driverName: string;
}

/** Steam GUIDs are 17 digits; older or test setups use other lengths of digits. */
const GUID_LIKE = /^\d{5,20}$/;

/**
 * The driver a steward means by a GUID or a name: a known GUID, any GUID-shaped input (a driver
 * can be excluded before their first lap), or a name matching exactly one known driver
 * (case and surrounding spaces ignored).
 */
export function resolveDriver(
  input: string,
  known: readonly KnownDriver[],
): { driverGuid: string; driverName: string } | { error: string } {
  const typed = input.trim();
  if (!typed) return { error: 'give a Steam GUID or a driver name' };
  const byGuid = known.find((d) => d.driverGuid === typed);
  if (byGuid) return byGuid;
  if (GUID_LIKE.test(typed) && isRealGuid(typed)) return { driverGuid: typed, driverName: '' };
  const lower = typed.toLowerCase();
  const named = [
    ...new Map(known.filter((d) => d.driverName.trim().toLowerCase() === lower).map((d) => [d.driverGuid, d])).values(),
  ];
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    return {
      error: `${named.length} drivers are called "${typed}": give the Steam GUID (${named.map((d) => d.driverGuid).join(', ')})`,
    };
  return { error: `no driver "${typed}" here: give their Steam GUID or the name acServer shows` };
}
