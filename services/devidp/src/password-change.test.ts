import { PENDING_CHANGE_TTL_MS, PendingChanges } from './password-change';

describe('PendingChanges', () => {
  const change = {
    subject: 's-1',
    username: 'l.nguyen',
    sessionEpoch: 3,
    replace: () => Promise.resolve(),
  };

  it('keeps a change for its interaction until it expires', () => {
    let now = 1_000;
    const pending = new PendingChanges(() => now);
    pending.put('uid-1', change);
    expect(pending.get('uid-1')).toMatchObject({ subject: 's-1', sessionEpoch: 3 });
    expect(pending.get('uid-2')).toBeUndefined();
    now += PENDING_CHANGE_TTL_MS - 1;
    expect(pending.get('uid-1')).toBeDefined();
    now += 1;
    expect(pending.get('uid-1')).toBeUndefined();
  });

  it('forgets a change once deleted', () => {
    const pending = new PendingChanges(() => 0);
    pending.put('uid-1', change);
    pending.delete('uid-1');
    expect(pending.get('uid-1')).toBeUndefined();
  });
});
