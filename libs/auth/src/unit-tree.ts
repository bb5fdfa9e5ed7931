import { NATIONAL_UNIT_CODE } from './principal';

/** One administrative unit as the tree needs it: its code and its parent's code. */
export interface UnitLink {
  code: string;
  /** Parent code; the national root ("VN") for provinces. */
  parentCode: string;
}

/**
 * The administrative hierarchy of one structure (before or after the 1 Jul 2025 reform),
 * indexed for constant-time "is unit X inside unit Y" checks: every unit gets the interval
 * [enter, exit] of a depth-first walk, and X is inside Y exactly when Y's interval
 * contains X's. The identity service owns the data; services load and cache the tree.
 */
export class UnitTree {
  private readonly enter = new Map<string, number>();
  private readonly exit = new Map<string, number>();
  private readonly parent = new Map<string, string>();

  constructor(links: Iterable<UnitLink>) {
    const children = new Map<string, string[]>();
    for (const { code, parentCode } of links) {
      if (code === NATIONAL_UNIT_CODE)
        throw new Error(`unit ${code}: the national root has no parent`);
      if (this.parent.has(code)) throw new Error(`unit ${code}: listed twice`);
      this.parent.set(code, parentCode);
      const siblings = children.get(parentCode);
      if (siblings) siblings.push(code);
      else children.set(parentCode, [code]);
    }
    let clock = 0;
    // Iterative depth-first walk: the tree has ~10,000 units and must not overflow the stack.
    const stack: Array<{ code: string; next: number }> = [{ code: NATIONAL_UNIT_CODE, next: 0 }];
    this.enter.set(NATIONAL_UNIT_CODE, clock++);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children.get(top.code) ?? [];
      if (top.next < kids.length) {
        const child = kids[top.next++]!;
        if (this.enter.has(child)) throw new Error(`unit ${child}: cycle in the hierarchy`);
        this.enter.set(child, clock++);
        stack.push({ code: child, next: 0 });
      } else {
        this.exit.set(top.code, clock++);
        stack.pop();
      }
    }
    for (const code of this.parent.keys()) {
      if (!this.enter.has(code)) {
        throw new Error(`unit ${code}: its parent ${this.parent.get(code)} is not in the tree`);
      }
    }
  }

  has(code: string): boolean {
    return this.enter.has(code);
  }

  /** True when `unit` is `ancestor` itself or lies below it. Unknown units are outside. */
  isWithin(unit: string, ancestor: string): boolean {
    const a = this.enter.get(ancestor);
    const u = this.enter.get(unit);
    if (a === undefined || u === undefined) return false;
    return a <= u && u <= this.exit.get(ancestor)!;
  }

  /** Parent code, or undefined for the root and for unknown units. */
  parentOf(code: string): string | undefined {
    return this.parent.get(code);
  }

  /** The chain from the unit up to the national root, the unit first. */
  ancestorsOf(code: string): string[] {
    if (!this.has(code)) return [];
    const chain = [code];
    let current = this.parent.get(code);
    while (current !== undefined) {
      chain.push(current);
      current = this.parent.get(current);
    }
    return chain;
  }

  get size(): number {
    return this.parent.size;
  }
}
