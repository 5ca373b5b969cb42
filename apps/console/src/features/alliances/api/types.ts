import type { components } from '@society-hub/client';

export type Alliance = components['schemas']['Alliance'];
export type AllianceCreate = components['schemas']['AllianceCreate'];
export type AlliancePatch = components['schemas']['AlliancePatch'];
export type AlliancePage = components['schemas']['AlliancePage'];
