/**
 * The baseline the load benchmark measures the API against: bare Fastify and `pg` answering the same
 * queries the API runs — no authentication, no validation, no audit, no ETags, no problem details — so
 * the ratio shows what the API's own work costs. Run as its own process, like the API.
 *
 *   DATABASE_URL=… PORT=… tsx bench/src/baseline-server.ts
 */
import { scrypt, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/societies/:id', async (request, reply) => {
  const { rows } = await pool.query('SELECT * FROM societies WHERE id = $1', [request.params.id]);
  return rows[0] ?? reply.code(404).send({});
});

app.get<{ Querystring: { status?: string; discipline?: string } }>('/societies', async (request) => {
  const { rows } = await pool.query(
    `SELECT * FROM societies WHERE status = $1 AND discipline = $2 ORDER BY created_at DESC, id DESC LIMIT 51`,
    [request.query.status ?? 'active', request.query.discipline ?? 'engineering'],
  );
  return { items: rows.slice(0, 50), nextCursor: null };
});

app.get<{ Params: { id: string }; Querystring: { q?: string } }>('/societies/:id/members', async (request) => {
  const text = (request.query.q ?? '').trim();
  const short = [...text].length < 3;
  const { rows } = await pool.query(
    short
      ? `SELECT * FROM members WHERE society_id = $1 AND name LIKE $2 ORDER BY created_at DESC, id DESC LIMIT 51`
      : `SELECT * FROM members WHERE society_id = $1 AND (name ILIKE $2 OR employer ILIKE $2)
         ORDER BY created_at DESC, id DESC LIMIT 51`,
    [request.params.id, short ? `${text}%` : `%${text}%`],
  );
  return { items: rows.slice(0, 50), nextCursor: null };
});

app.patch<{ Params: { id: string }; Body: { website?: string }; Headers: { 'if-match'?: string } }>(
  '/societies/:id',
  async (request, reply) => {
    const version = Number((request.headers['if-match'] ?? '').replace(/"/g, ''));
    const { rows } = await pool.query(
      `UPDATE societies SET website = $2, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $3 RETURNING *`,
      [request.params.id, request.body.website ?? null, version],
    );
    const row = rows[0];
    if (!row) return reply.code(412).send({});
    return reply.header('etag', `"${row.version}"`).send(row);
  },
);

/** The same scrypt check the API makes: a login's cost is mostly the password hash, by design. */
app.post<{ Body: { username: string; password: string } }>('/login', async (request, reply) => {
  const { rows } = await pool.query('SELECT password_hash FROM users WHERE username = $1', [request.body.username]);
  const stored: string | undefined = rows[0]?.password_hash;
  const [, n, r, p, salt, key] = stored?.split('$') ?? [];
  if (!n || !r || !p || !salt || !key) return reply.code(401).send({});
  const expected = Buffer.from(key, 'base64');
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      request.body.password.normalize('NFKC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 },
      (error, out) => (error ? reject(error) : resolve(out)),
    ),
  );
  return timingSafeEqual(derived, expected) ? { ok: true } : reply.code(401).send({});
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : ''}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => pool.end());
  });
}
