/** What other features may use of the users feature (see biome.json's import zones): the enabled/disabled badge API clients share. */
export { EnabledBadge } from './components/labels';
