/**
 * The store refuses this data and always will (a value beyond its limits): retrying cannot help,
 * unlike a store that is down or throttling. Both stores throw it for the same data
 * (src/domain/lapLimits.ts), so a results file is accepted or refused the same way by either.
 */
export class StoreRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreRejectedError';
  }
}
