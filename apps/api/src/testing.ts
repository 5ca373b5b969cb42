/**
 * What the black-box test suites need to stand the API up on a database of their own. Not used by
 * the server itself.
 */
export { buildApp } from './app';
export { ensureAdmin } from './bootstrap';
export { loadConfig } from './config';
export { connectPglite, connectPostgres, type DatabaseHandle } from './db/connect';
export { migrateToLatest } from './db/migrate';
export { migrations } from './db/migrations/index';
export { DEMO_PASSWORD, loadDemoData } from './demo/load-demo-data';
export { CanonicalText, canonicalJson } from './lib/canonical-json';
export { PersonalDataVault } from './lib/personal-data';
export { nulCharacterPaths, trimDeclaredText } from './lib/request-text';
export { chainHash, GENESIS_HASH } from './modules/audit/audit.chain';
export { addressKey, LoginThrottle } from './modules/auth/login-throttle';
export { hashPassword } from './modules/auth/passwords';
export { LocalDiskStorage } from './modules/documents/storage/local-disk';
export { ObjectMissingError, type ObjectStorage } from './modules/documents/storage/object-storage';
export { S3Storage } from './modules/documents/storage/s3';
export { canonicalQuery, sendSmsUrl, signature as smsSignature } from './modules/messages/aliyun-sms';
export { describeChannels } from './modules/messages/channels';
export { insertUser } from './modules/users/users.repository';
export { authPlugin } from './plugins/auth';
export { errorsPlugin } from './plugins/errors';
export { describeServing } from './serving';
