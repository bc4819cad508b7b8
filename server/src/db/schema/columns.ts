import type { ColumnType } from 'kysely';

// Column shapes several tables share.

export type CreatedAt = ColumnType<Date, Date | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
