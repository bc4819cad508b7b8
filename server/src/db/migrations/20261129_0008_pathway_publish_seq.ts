import { sql, type Kysely } from 'kysely';

/**
 * A publication sequence on pathway versions, so each process can keep every published
 * requirement tree in memory and catch up with one indexed read of what was published since.
 * Publishing takes turns until commit, so numbers become visible in order. Deleting versions
 * (an organisation removed, say) moves an epoch on, which makes every process start over.
 * The index replaces pathway_targets, which nothing reads any more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence pathway_versions_publish_seq`.execute(db);
  await sql`alter table pathway_versions add column publish_seq bigint unique`.execute(db);
  await sql`update pathway_versions v set publish_seq = o.seq
    from (select id, nextval('pathway_versions_publish_seq') as seq from (select id from pathway_versions where status = 'published' order by published_at, id) p) o
    where v.id = o.id`.execute(db);
  await sql`alter table pathway_versions add constraint pathway_versions_publish_seq_check check ((status = 'published') = (publish_seq is not null))`.execute(
    db,
  );
  await sql`create table pathway_index_epoch (id boolean primary key default true check (id), epoch bigint not null default 0)`.execute(
    db,
  );
  await sql`insert into pathway_index_epoch default values`.execute(db);
  await sql`create function pathway_index_epoch_bump() returns trigger language plpgsql as $$
    begin
      update pathway_index_epoch set epoch = epoch + 1;
      return null;
    end $$`.execute(db);
  await sql`create trigger pathway_versions_deleted after delete on pathway_versions for each statement execute function pathway_index_epoch_bump()`.execute(
    db,
  );
  await sql`drop table pathway_targets`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Comes back empty: what it held is derived from published trees.
  await sql`create table if not exists pathway_targets (
    org_id uuid not null references organizations (id) on delete cascade,
    version_id uuid not null references pathway_versions (id) on delete cascade,
    pathway_id uuid not null references pathways (id) on delete cascade,
    kind text not null check (kind in ('microcredential', 'pathway', 'external', 'skill')),
    target text not null,
    primary key (version_id, kind, target)
  )`.execute(db);
  await sql`drop trigger if exists pathway_versions_deleted on pathway_versions`.execute(db);
  await sql`drop function if exists pathway_index_epoch_bump()`.execute(db);
  await sql`drop table if exists pathway_index_epoch`.execute(db);
  await sql`alter table pathway_versions drop column if exists publish_seq`.execute(db);
  await sql`drop sequence if exists pathway_versions_publish_seq`.execute(db);
}
