import { randomUUID } from 'node:crypto';

/** One write as the client saw it: what came back, and when. */
export interface WriteOutcome {
  /** 0 when no HTTP answer came at all (connection refused or reset, timeout). */
  status: number;
  contentType: string;
  code: string | null;
  /** The new society's id, for a 201. */
  id: string | null;
  startedAt: number;
  endedAt: number;
}

export interface WriteLoad {
  outcomes: WriteOutcome[];
  /** Stops the writers and waits for their last requests. */
  stop(): Promise<void>;
}

let serial = 0;

/** Registers one society, keeping the client's own record of what was acknowledged. */
export async function registerSociety(baseUrl: string, token: string, label: string): Promise<WriteOutcome> {
  serial += 1;
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}/v1/societies`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        name: `市${label}学会${process.pid}-${serial}号`,
        type: 'society',
        discipline: 'engineering',
      }),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await response.json()) as { id?: string; code?: string };
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      code: body.code ?? null,
      id: response.status === 201 ? (body.id ?? null) : null,
      startedAt,
      endedAt: Date.now(),
    };
  } catch {
    return { status: 0, contentType: '', code: null, id: null, startedAt, endedAt: Date.now() };
  }
}

/**
 * A steady write load: `writers` clients each registering societies one after another (a short pause
 * between), until stopped. The fault test and `pnpm bench:faults` both stand on it.
 */
export function startWriteLoad(baseUrl: string, token: string, writers = 4, label = '故障演练'): WriteLoad {
  const outcomes: WriteOutcome[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      outcomes.push(await registerSociety(baseUrl, token, label));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** The first write acknowledged after `since`, by when it was answered. */
export function firstSuccessAfter(outcomes: readonly WriteOutcome[], since: number): WriteOutcome | undefined {
  return outcomes.filter((o) => o.status === 201 && o.startedAt >= since).sort((a, b) => a.endedAt - b.endedAt)[0];
}
