import type { SessionType } from '../../domain/types';

/** A car connected to acServer, as the UDP plugin reported it (NEW_CONNECTION / CAR_INFO). */
export interface LiveCar {
  carId: number;
  driverName: string;
  driverGuid: string;
  carModel: string;
  carSkin: string;
}

/** The session acServer runs now (SESSION_INFO / NEW_SESSION). */
export interface LiveSession {
  serverName: string;
  track: string;
  trackConfig: string;
  name: string;
  sessionType: SessionType;
  sessionIndex: number;
  /** Estimated from the elapsed time the server reported. */
  startedAt: Date;
}

export interface LiveLapEvent {
  car: LiveCar;
  lapTimeMs: number;
  cuts: number;
  /** null until the server has answered GET_SESSION_INFO. */
  session: LiveSession | null;
  receivedAt: Date;
}

/**
 * The live link to acServer over its UDP plugin protocol (adapter:
 * src/adapters/acserver/AcPluginClient.ts). Commands are fire-and-forget datagrams; `ping`
 * tells whether acServer answers at all.
 */
export interface AcPluginLink {
  /** "UDP plugin 127.0.0.1:12000 <-> 127.0.0.1:11000", for logs and replies. */
  readonly description: string;
  session(): LiveSession | null;
  cars(): LiveCar[];
  /** Each `on...` returns a function that removes the listener. */
  onLap(listener: (lap: LiveLapEvent) => void): () => void;
  /** END_SESSION: acServer has written the session's results file at `resultsPath`. */
  onEndSession(listener: (resultsPath: string) => void): () => void;
  /** Connected cars changed (connect, disconnect, kick, car info). */
  onCarsChanged(listener: () => void): () => void;
  /** Asks for the session info; true when acServer answers within `timeoutMs`. */
  ping(timeoutMs: number): Promise<boolean>;
  /**
   * Asks acServer for the session and every car slot and waits (at most `timeoutMs`) for the
   * answers, so `cars()` is what acServer said, not what the bot remembered. True when acServer
   * answered; slots it did not answer keep what the bot knew.
   */
  refresh(timeoutMs: number): Promise<boolean>;
  kick(carId: number): void;
  nextSession(): void;
  /** In-game chat to everyone; the text is folded to at most two short ASCII lines first. */
  broadcast(text: string): void;
}
