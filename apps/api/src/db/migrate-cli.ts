import { loadConfig } from '../config';
import { connectDatabase } from './connect';
import { migrateToLatest } from './migrate';

const config = loadConfig();
const handle = await connectDatabase(config);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await handle.close();
}
