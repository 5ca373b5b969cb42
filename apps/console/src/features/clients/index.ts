/** What other features may use of the API clients feature (see biome.json's import zones): the client list a webhook is for. */
export { useClients } from './api/get-clients';
