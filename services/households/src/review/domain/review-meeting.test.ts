import fc from 'fast-check';
import { meetingAgrees } from './review-meeting';

describe('village meeting threshold (50 %)', () => {
  it('passes at exactly half and fails one below', () => {
    expect(meetingAgrees(10, 5, 50)).toBe(true);
    expect(meetingAgrees(10, 4, 50)).toBe(false);
    expect(meetingAgrees(7, 4, 50)).toBe(true);
    expect(meetingAgrees(7, 3, 50)).toBe(false);
  });

  it('agrees exactly when 2 × agreed ≥ attendees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (attendees, n) => {
        const agreed = n % (attendees + 1);
        expect(meetingAgrees(attendees, agreed, 50)).toBe(2 * agreed >= attendees);
      }),
    );
  });
});
