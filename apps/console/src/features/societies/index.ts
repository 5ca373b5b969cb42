/**
 * What other features may use of the societies feature (the import zones in biome.json allow a feature
 * only this file of another): picking and naming societies, reading one or a page of them, their status
 * tag, and the words those show.
 */
export { getSocieties, useSocieties } from './api/get-societies';
export { societyQueryOptions, useSociety } from './api/get-society';
export type { Society } from './api/types';
export { SocietyStatusTag } from './components/labels';
export { SocietyNameTags, useSocietyNames } from './components/society-names';
export { OneSocietySelect, SocietySelect } from './components/society-select';
export { societiesMessages } from './messages';
