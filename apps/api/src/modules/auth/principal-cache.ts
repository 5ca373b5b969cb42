import type { ClientRecord } from '../clients/clients.repository';
import type { UserRecord } from '../users/users.repository';

/** Long enough to spare the database on a busy client's every request; the notification is what keeps it true. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  record: T;
  until: number;
}

/**
 * The callers of recent requests (accounts and machine clients with their societies), so that an
 * authenticated read costs one round trip to the database instead of two. It is only used while the
 * process listens to `principal_changed` (a trigger on the four tables behind a caller, migration
 * 0011): any change anywhere empties it, as does this process's own write the moment it commits. While
 * the listening connection is down nothing is cached, so a disabled account never outlives a lost
 * notification.
 */
export class PrincipalCache {
  private readonly users = new Map<string, Entry<UserRecord>>();
  private readonly clients = new Map<string, Entry<ClientRecord>>();
  private generation = 0;
  private listening = false;

  user(id: string): UserRecord | undefined {
    return this.read(this.users, id);
  }

  client(id: string): ClientRecord | undefined {
    return this.read(this.clients, id);
  }

  /**
   * Marks the start of a database read whose result may be kept: a change noticed while the read was
   * under way means it may hold what was true before, and `keep…` then drops it.
   */
  begin(): number {
    return this.generation;
  }

  keepUser(id: string, record: UserRecord, since: number): void {
    this.keep(this.users, id, record, since);
  }

  keepClient(id: string, record: ClientRecord, since: number): void {
    this.keep(this.clients, id, record, since);
  }

  /** Something about some caller changed. */
  invalidate(): void {
    this.generation += 1;
    this.users.clear();
    this.clients.clear();
  }

  /** Listening (again): changes made while not listening are unknown, so start empty. */
  listeningAgain(): void {
    this.invalidate();
    this.listening = true;
  }

  stoppedListening(): void {
    this.listening = false;
    this.invalidate();
  }

  private read<T>(map: Map<string, Entry<T>>, id: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = map.get(id);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.record;
    map.delete(id);
    return undefined;
  }

  private keep<T>(map: Map<string, Entry<T>>, id: string, record: T, since: number): void {
    if (!this.listening || since !== this.generation) return;
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(id, { record, until: Date.now() + TTL_MS });
  }
}
