/** What other features may use of the reviews feature (see biome.json's import zones): the funding labels the public notices show. */
export { useFundingLabels } from './components/labels';
