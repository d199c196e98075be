/**
 * The schema versions of the stored team (see format.ts for what each holds), apart from everything
 * else so that activation, which only needs the number, loads nothing more.
 */
export const TEAM_SCHEMA_VERSION = 6;
/**
 * Version 5: the index of version 6, whose delegations could not point at code. Read as it is, and
 * written as version 6 by the next change (not at load: until something changes, a version that
 * knows only 5 can still open the team).
 */
export const LINEAGE_SCHEMA_VERSION = 5;
/**
 * The schema inside a chunk file named the version-5 way (with a lineage), from version 5 on: the
 * chunks' names and content did not change with version 6, which only an index of version 6 names.
 */
export const CHUNK_SCHEMA_VERSION = 5;
/** Version 4: chunk files named `<kind>-<person>-<year>-<generation>.json`, an index without lineage. */
export const GENERATION_NAMES_SCHEMA_VERSION = 4;
/** Version 3: the index and its chunks, each chunk a key of workspace state. */
export const STATE_CHUNKS_SCHEMA_VERSION = 3;
export const FLAT_SCHEMA_VERSION = 2;
export const LEGACY_SCHEMA_VERSION = 1;
/** The schema of the marker left under release 0.1's key: newer than 0.1, so 0.1 writes nothing there. */
export const MARKER_SCHEMA_VERSION = 2;
