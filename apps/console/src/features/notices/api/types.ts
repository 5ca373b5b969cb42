import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type PublicNoticeList = Json<paths['/v1/public/notices']['get']['responses'][200]>;
export type PublicNotice = PublicNoticeList['items'][number];
export type PublicNoticeItem = PublicNotice['items'][number];
export type ObjectionCreate = Json<NonNullable<paths['/v1/public/notices/{id}/objections']['post']['requestBody']>>;
export type ObjectionReceipt = Json<paths['/v1/public/notices/{id}/objections']['post']['responses'][201]>;
export type SignerKind = ObjectionCreate['signerKind'];
