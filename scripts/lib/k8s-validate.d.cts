/** One rendered object that failed validation, with its schema errors. */
export interface ManifestProblem {
  kind: string;
  name: string;
  errors: string[];
}

/** Validates one object; returns error strings ("<json path>: <reason>"), empty when valid. */
export function validateObject(obj: unknown): string[];

/** Parses a multi-document YAML stream and validates every object in it. */
export function validateManifests(text: string): {
  objects: { kind: string; name: string }[];
  /** The parsed objects, in order (empty documents left out). */
  docs: Record<string, unknown>[];
  problems: ManifestProblem[];
};
