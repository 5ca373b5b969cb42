import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type SerializerFactory = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildSerializer']>;

/** The shared schemas' `$id`s a schema refers to, directly or through other shared schemas. */
export function referencedSchemaIds(root: unknown, shared: Readonly<Record<string, unknown>>): Set<string> {
  const found = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        // `Society` or `Society#/properties/…`: the part before `#` names the shared schema.
        const id = value.split('#', 1)[0] ?? '';
        if (id && !found.has(id) && id in shared) {
          found.add(id);
          pending.push(shared[id]);
        }
      } else if (typeof value === 'object' && value !== null) {
        pending.push(value);
      }
    }
  }
  return found;
}

/**
 * Fastify hands every response serializer all shared schemas, and fast-json-stringify checks each of
 * them again for every route and status code: with a few hundred of each, start-up spent ~17 s there.
 * Giving each serializer only the shared schemas its response reaches makes the same serializers in a
 * fraction of the time (start-up, and every test that builds the app, pay it).
 */
export const buildSerializer: SerializerFactory = (externalSchemas, serializerOptions) => {
  const shared: Record<string, unknown> =
    typeof externalSchemas === 'object' && externalSchemas !== null ? { ...externalSchemas } : {};
  const compilerFor = SerializerSelector();
  return (route) => {
    const subset: Record<string, unknown> = {};
    for (const id of referencedSchemaIds(route.schema, shared)) subset[id] = shared[id];
    return compilerFor(subset, serializerOptions)(route);
  };
};
