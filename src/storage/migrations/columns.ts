import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** Column types that differ per engine, so each migration is written once. */
export interface ColumnTypes {
  /** Adds an auto-incrementing integer primary key named `id`. */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  timestamp: 'timestamptz' | 'text';
}

export function columnTypes(engine: Engine): ColumnTypes {
  return {
    id: (table) =>
      engine === 'postgres'
        ? table.addColumn('id', 'serial', (col: ColumnDefinitionBuilder) => col.primaryKey())
        : table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
            col.primaryKey().autoIncrement(),
          ),
    timestamp: engine === 'postgres' ? 'timestamptz' : 'text',
  };
}

export interface VersionedMigration {
  up(db: Kysely<unknown>, t: ColumnTypes, engine: Engine): Promise<void>;
  down?(db: Kysely<unknown>): Promise<void>;
}
