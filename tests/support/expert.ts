/** A fitting expert to create or import, with the fields a test cares about overridden. */
export const expertPayload = (overrides: Record<string, unknown> = {}) => ({
  name: '钱学军',
  titleLevel: 'senior',
  disciplines: ['化学工程'],
  pools: ['science_technology'],
  ...overrides,
});
