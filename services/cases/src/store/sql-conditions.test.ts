import { SqlConditions } from './sql-conditions';

describe('SqlConditions', () => {
  it('numbers the parameters in the order the conditions use them', () => {
    const c = new SqlConditions();
    c.equals('commune_code', '00004');
    c.equals('status', undefined);
    c.receivedBefore({ receivedAt: '2026-11-01T00:00:00Z', id: 'k' });
    expect(`${c.where()} LIMIT ${c.param(50)}`).toBe(
      ' WHERE commune_code = $1 AND (received_at, id) < ($2::timestamptz, $3::uuid) LIMIT $4',
    );
    expect(c.params).toEqual(['00004', '2026-11-01T00:00:00Z', 'k', 50]);
  });

  it('writes no WHERE without conditions', () => {
    const c = new SqlConditions();
    c.receivedBefore(undefined);
    expect(c.where()).toBe('');
    expect(c.params).toEqual([]);
  });
});
