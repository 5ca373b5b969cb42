import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

export async function capacitySnapshots(db: DB, societyId: string) {
  return db
    .selectFrom('capacity_snapshots')
    .selectAll()
    .where('society_id', '=', societyId)
    .orderBy('year', 'asc')
    .execute();
}

/** Writes the society's snapshot of the year, replacing one already there. */
export async function saveCapacitySnapshot(
  trx: Trx,
  snapshot: { societyId: string; year: number; total: number; tier: string; subScores: string },
) {
  await trx
    .insertInto('capacity_snapshots')
    .values({
      society_id: snapshot.societyId,
      year: snapshot.year,
      total: snapshot.total,
      tier: snapshot.tier,
      sub_scores: snapshot.subScores,
      computed_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['society_id', 'year']).doUpdateSet({
        total: snapshot.total,
        tier: snapshot.tier,
        sub_scores: sql`excluded.sub_scores`,
        computed_at: new Date(),
      }),
    )
    .execute();
}
