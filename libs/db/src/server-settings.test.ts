import { serverSettingsFor } from './server-settings';

const GB = 1024 ** 3;

describe('serverSettingsFor', () => {
  it('gives an eighth of the memory to shared buffers on a mid-sized machine', () => {
    const s = serverSettingsFor(16 * GB);
    expect(s.shared_buffers).toBe('2048MB');
    expect(s.effective_cache_size).toBe('8192MB');
    expect(s.maintenance_work_mem).toBe('256MB');
    expect(s.max_wal_size).toBe('8GB');
  });

  it('keeps the built-in minimums on a small machine and caps a large one', () => {
    expect(serverSettingsFor(0.5 * GB).shared_buffers).toBe('128MB');
    expect(serverSettingsFor(0.5 * GB).maintenance_work_mem).toBe('64MB');
    expect(serverSettingsFor(256 * GB).shared_buffers).toBe('4096MB');
    expect(serverSettingsFor(256 * GB).maintenance_work_mem).toBe('1024MB');
  });

  it('refuses a memory size that is not positive', () => {
    expect(() => serverSettingsFor(0)).toThrow('totalMemoryBytes must be positive');
    expect(() => serverSettingsFor(Number.NaN)).toThrow('totalMemoryBytes must be positive');
  });
});
