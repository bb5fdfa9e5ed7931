/** Where a call came from, for the audit trail. */
import type { CallContext } from './context';

/**
 * The first address of `x-forwarded-for` (set by the edge for the end user), else the
 * gRPC peer. Only the edge may reach this service (network policy), so the header is its.
 */
export function sourceAddressOf(ctx: Pick<CallContext, 'metadata' | 'call'>): string {
  const forwarded = ctx.metadata.get('x-forwarded-for')[0];
  if (typeof forwarded === 'string') {
    const first = forwarded.split(',')[0]?.trim();
    if (first) return first.slice(0, 100);
  }
  return ctx.call.getPeer();
}
