/**
 * PostgreSQL server settings sized to the machine, for the servers this repository starts
 * itself (the local engines of the tests and benchmarks, and `npm start`). PostgreSQL's
 * built-in defaults (128 MB of shared buffers, a checkpoint at every 1 GB of WAL) are meant
 * for tiny machines: loading a commune file then spends most of its time evicting index
 * pages and writing whole pages again after each checkpoint. Production servers are sized by
 * their operators; deploy/README.md gives the same rules.
 */
const MB = 1024 * 1024;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / MB)}MB`;
}

/**
 * Settings for a server on a machine with `totalMemoryBytes` of memory, shared with other
 * processes: shared buffers an eighth of it (128 MB to 4 GB), index builds a sixty-fourth
 * (64 MB to 1 GB), checkpoints at most every 15 minutes or 8 GB of WAL.
 */
export function serverSettingsFor(totalMemoryBytes: number): Record<string, string> {
  if (!Number.isFinite(totalMemoryBytes) || totalMemoryBytes <= 0) {
    throw new RangeError(`serverSettingsFor: totalMemoryBytes must be positive`);
  }
  return {
    shared_buffers: megabytes(clamp(totalMemoryBytes / 8, 128 * MB, 4096 * MB)),
    effective_cache_size: megabytes(clamp(totalMemoryBytes / 2, 512 * MB, 16384 * MB)),
    maintenance_work_mem: megabytes(clamp(totalMemoryBytes / 64, 64 * MB, 1024 * MB)),
    max_wal_size: '8GB',
    checkpoint_timeout: '15min',
  };
}
