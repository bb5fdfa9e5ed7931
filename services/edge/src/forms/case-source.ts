/**
 * One way to read a posted form and a JSON body alike, by the field names the cases service
 * uses (`decision.signed_on`, `eligibility.category_codes`): a form posts them as they are, a
 * JSON body nests and camel-cases them (`{ "decision": { "signedOn": ... } }`). Request
 * builders read through this, so the page and the API name the same field in a refusal.
 */
import { badRequest } from '../http/errors';

export interface Source {
  /** The text of a field ('' when absent). */
  text(name: string): string;
  /** The items of a list field: a JSON array, checkboxes, or the lines of a text area. */
  list(name: string): string[];
}

const camel = (part: string): string =>
  part.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A posted form (urlencoded): fields named as the service names them. */
export function formSource(body: unknown): Source {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    text(name) {
      const v = fields[name];
      if (typeof v === 'string') return v.slice(0, 2000);
      return Array.isArray(v) && typeof v[0] === 'string' ? v[0].slice(0, 2000) : '';
    },
    list(name) {
      const v = fields[name];
      if (typeof v === 'string') return lines(v);
      if (Array.isArray(v))
        return v
          .filter((x): x is string => typeof x === 'string')
          .map((x) => x.trim())
          .filter((x) => x !== '');
      return [];
    },
  };
}

/** A JSON body: `a.b_c` is read from `body.a.bC`; numbers and booleans read as their text. */
export function jsonSource(body: unknown): Source {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('body', 'must be a JSON object');
  const at = (name: string): unknown => {
    let node: unknown = body;
    for (const part of name.split('.')) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[camel(part)];
    }
    return node;
  };
  return {
    text(name) {
      const v = at(name);
      if (v === undefined || v === null) return '';
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw badRequest(name, 'must be a string');
    },
    list(name) {
      const v = at(name);
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw badRequest(name, 'must be an array of strings');
      return (v as string[]).map((x) => x.trim()).filter((x) => x !== '');
    },
  };
}
