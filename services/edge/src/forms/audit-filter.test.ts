import { parseAuditFilter, vietnamDayStart } from './audit-filter';

describe('audit filter', () => {
  it('turns days in Vietnam into instants, the end day included', () => {
    expect(vietnamDayStart('2025-08-01')?.toISOString()).toBe('2025-07-31T17:00:00.000Z');
    expect(vietnamDayStart('2025-12-31', 1)?.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamDayStart('2025-02-30')).toBeUndefined();
    const f = parseAuditFilter({ from: '2025-08-01', to: '2025-08-01' }, { instants: false });
    expect(f.from?.toISOString()).toBe('2025-07-31T17:00:00.000Z');
    expect(f.to?.toISOString()).toBe('2025-08-01T17:00:00.000Z');
  });

  it('accepts RFC 3339 instants only where asked (the API)', () => {
    const api = parseAuditFilter({ from: '2025-08-01T08:30:00+07:00' }, { instants: true });
    expect(api.from?.toISOString()).toBe('2025-08-01T01:30:00.000Z');
    expect(() =>
      parseAuditFilter({ from: '2025-08-01T08:30:00+07:00' }, { instants: false }),
    ).toThrow(expect.objectContaining({ field: 'from', status: 400 }));
  });

  it('refuses an empty or reversed range and long ids, naming the parameter', () => {
    expect(() =>
      parseAuditFilter({ from: '2025-08-02', to: '2025-08-01' }, { instants: false }),
    ).toThrow(expect.objectContaining({ field: 'to' }));
    expect(() => parseAuditFilter({ actor: 'x'.repeat(101) }, { instants: true })).toThrow(
      expect.objectContaining({ field: 'actor' }),
    );
    expect(parseAuditFilter({ action: ' account.lock ', actor: 3 }, { instants: true })).toEqual({
      actorId: '',
      subjectId: '',
      action: 'account.lock',
      subjectUnitCode: '',
    });
  });

  it('takes a subject unit code and refuses anything else, naming the parameter', () => {
    expect(parseAuditFilter({ unit: ' 00004 ' }, { instants: false }).subjectUnitCode).toBe(
      '00004',
    );
    expect(parseAuditFilter({ unit: 'VN' }, { instants: true }).subjectUnitCode).toBe('VN');
    for (const unit of ['0004', 'x1', '01/02', '123456'])
      expect(() => parseAuditFilter({ unit }, { instants: true })).toThrow(
        expect.objectContaining({ field: 'unit', status: 400 }),
      );
  });
});
