export * from './cells';
export * from './convert';
export { canonicalEncoding } from './decode';
export * from './fields';
export * from './read';
export { type ByteSource, blobSource, bytesSource, SheetError } from './source';
