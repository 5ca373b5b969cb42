/**
 * Document storage against an S3-compatible server (s3rver, started here from npm: no network, no
 * container), and the local-disk storage against the same contract: what a put stores comes back
 * byte for byte, a removed object is gone, a missing one is ObjectMissingError. Then the whole API
 * on STORAGE=s3: an upload lands in the bucket and downloads with its SHA-256, and an upload whose
 * database write fails leaves no object behind.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage, ObjectMissingError, type ObjectStorage, S3Storage } from '@society-hub/api/testing';
import { sql } from 'kysely';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';
import { multipart, pdfBytes } from '../support/files';

const BUCKET = 'society-hub-documents';
let server: S3rver;
let bucketDir = '';
let endpoint = '';
let s3: S3Storage;

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The objects s3rver holds in the bucket, as files on its disk. */
async function objectsInBucket(): Promise<number> {
  const files = await readdir(join(bucketDir, BUCKET), { recursive: true }).catch(() => []);
  return files.filter((f) => String(f).endsWith('._S3rver_object')).length;
}

beforeAll(async () => {
  bucketDir = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: bucketDir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Storage({
    endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
});
afterAll(async () => {
  s3?.close();
  await server?.close();
});

describe.each([
  ['S3 (s3rver)', () => s3],
  ['local disk', () => new LocalDiskStorage(join(bucketDir, 'local'))],
])('the %s storage', (_, storage: () => ObjectStorage) => {
  it('returns what was put, from a buffer or a stream, and forgets what was removed', async () => {
    const store = storage();
    const bytes = Buffer.from('承诺书的字节'.repeat(5000));
    await store.put('documents/from-buffer', bytes, bytes.length, 'application/pdf');
    expect((await read(await store.open('documents/from-buffer'))).equals(bytes)).toBe(true);
    await store.put(
      'documents/from-stream',
      Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]),
      bytes.length,
      'application/pdf',
    );
    expect((await read(await store.open('documents/from-stream'))).equals(bytes)).toBe(true);
    await store.remove('documents/from-buffer');
    await expect(store.open('documents/from-buffer')).rejects.toBeInstanceOf(ObjectMissingError);
    await store.remove('documents/never-there');
  });

  it('refuses a key that could leave its folder', async () => {
    await expect(storage().put('../escape', Buffer.from('x'), 1, 'application/pdf')).rejects.toThrow(
      /invalid storage key/,
    );
  });
});

describe('the API on STORAGE=s3', () => {
  let t: TestApp;
  let admin = '';
  let society = '';

  beforeAll(async () => {
    t = await startTestApp('postgres', {
      STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    admin = await t.login(ADMIN.username, ADMIN.password);
    society = await t.createSociety(admin, { creditCode: nextCreditCode() });
  }, 60_000);
  afterAll(async () => t?.close());

  const send = (bytes: Buffer) => {
    const body = multipart('登记证书.pdf', bytes);
    return t.request({
      method: 'POST',
      url: `/v1/societies/${society}/documents?purpose=registration_certificate`,
      token: admin,
      headers: body.headers,
      payload: body.payload,
    });
  };

  it('stores an upload in the bucket and downloads it with the same SHA-256', async () => {
    const before = await objectsInBucket();
    const bytes = pdfBytes('对象存储');
    const uploaded = await send(bytes);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(await objectsInBucket()).toBe(before + 1);
    const download = await t.request({
      method: 'GET',
      url: `/v1/documents/${uploaded.json().id}/content`,
      token: admin,
    });
    expect(download.statusCode).toBe(200);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(uploaded.json().latest.sha256);
  });

  it('removes the stored object when the database write fails, so nothing is half-stored', async () => {
    await sql`CREATE FUNCTION refuse_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(t.database.db);
    await sql`CREATE TRIGGER refuse_versions BEFORE INSERT ON document_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_versions()`.execute(t.database.db);
    try {
      const before = await objectsInBucket();
      const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(t.database.db);
      const failed = await send(pdfBytes('写库失败'));
      expect(failed.statusCode).toBe(500);
      expect(await objectsInBucket()).toBe(before);
      const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM documents`.execute(t.database.db);
      expect(after.rows[0]?.n).toBe(rows.rows[0]?.n);
    } finally {
      await sql`DROP TRIGGER refuse_versions ON document_versions`.execute(t.database.db);
    }
  });
});
