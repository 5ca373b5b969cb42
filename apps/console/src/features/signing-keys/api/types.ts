import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type SigningKeyList = Json<paths['/v1/signing-keys']['get']['responses'][200]>;
export type SigningKey = SigningKeyList['items'][number];
