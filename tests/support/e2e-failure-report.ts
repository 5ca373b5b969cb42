/**
 * Set up for every browser test file (vitest.config.ts): when a test fails, the log says what its
 * pages showed and their last API calls, so a failure seen only in CI can be understood.
 */
import { afterEach } from 'vitest';
import { describeOpenPages } from './console';

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const described = await describeOpenPages();
  if (described) console.error(`\n[${context.task.name}] when it failed:\n${described}\n`);
});
