import type { LiveCar, LiveSession } from '../../app/liveLaps/acPluginLink';
import { sessionTypeName, type ServerMessage, type SessionInfoPayload } from '../../domain/acPlugin';

export interface TrackerChange {
  cars: boolean;
  session: boolean;
}

/**
 * What acServer has told the plugin so far: the running session and the connected cars by car
 * id. NEW_CONNECTION / CONNECTION_CLOSED keep the cars current; CAR_INFO fills them in after
 * the bot (re)starts mid-session and corrects them after VERSION (the client asks every slot
 * then: a VERSION alone forgets nothing). Messages reach it checked (AcPluginClient).
 */
export class PluginTracker {
  private current: LiveSession | null = null;
  private readonly byId = new Map<number, LiveCar>();

  session(): LiveSession | null {
    return this.current;
  }

  cars(): LiveCar[] {
    return [...this.byId.values()].sort((a, b) => a.carId - b.carId);
  }

  car(carId: number): LiveCar | undefined {
    return this.byId.get(carId);
  }

  apply(msg: ServerMessage, now: Date): TrackerChange {
    switch (msg.type) {
      case 'NEW_SESSION':
        return { cars: false, session: this.setSession(msg, now) };
      case 'SESSION_INFO':
        // An answer about another (future or past) session is not the one running.
        if (msg.sessionIndex !== msg.currentSessionIndex) return { cars: false, session: false };
        return { cars: false, session: this.setSession(msg, now) };
      case 'NEW_CONNECTION':
        this.byId.set(msg.carId, {
          carId: msg.carId,
          driverName: msg.driverName,
          driverGuid: msg.driverGuid,
          carModel: msg.carModel,
          carSkin: msg.carSkin,
        });
        return { cars: true, session: false };
      case 'CONNECTION_CLOSED':
        return { cars: this.byId.delete(msg.carId), session: false };
      case 'CAR_INFO':
        if (!msg.connected) return { cars: this.byId.delete(msg.carId), session: false };
        this.byId.set(msg.carId, {
          carId: msg.carId,
          driverName: msg.driverName,
          driverGuid: msg.driverGuid,
          carModel: msg.carModel,
          carSkin: msg.carSkin,
        });
        return { cars: true, session: false };
      default:
        return { cars: false, session: false };
    }
  }

  private setSession(info: SessionInfoPayload, now: Date): boolean {
    const before = this.current;
    this.current = {
      serverName: info.serverName,
      track: info.track,
      trackConfig: info.trackConfig,
      name: info.name,
      sessionType: sessionTypeName(info.sessionType),
      sessionIndex: info.currentSessionIndex,
      startedAt: new Date(now.getTime() - info.elapsedMs),
    };
    return (
      !before ||
      before.sessionIndex !== this.current.sessionIndex ||
      before.track !== this.current.track ||
      before.name !== this.current.name
    );
  }
}
