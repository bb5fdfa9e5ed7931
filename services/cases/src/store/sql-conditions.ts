/**
 * The WHERE clause of a list query, built filter by filter with numbered parameters, so each
 * store writes only its own conditions: the case list, online applications, complaints.
 */
export class SqlConditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** The placeholder ($n) of one more parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** A condition written with placeholders from param(). */
  add(condition: string): void {
    this.conditions.push(condition);
  }

  /** `column = value`, unless the value is undefined (no filter). */
  equals(column: string, value: string | undefined): void {
    if (value !== undefined) this.add(`${column} = ${this.param(value)}`);
  }

  /** Newest first on (received_at, id): the rows after the page key, when given. */
  receivedBefore(after: { receivedAt: string; id: string } | undefined): void {
    if (after === undefined) return;
    this.add(
      `(received_at, id) < (${this.param(after.receivedAt)}::timestamptz, ${this.param(after.id)}::uuid)`,
    );
  }

  /** ` WHERE a AND b`, or '' without conditions. */
  where(): string {
    return this.conditions.length === 0 ? '' : ` WHERE ${this.conditions.join(' AND ')}`;
  }
}
