/** Checks POSA's deployment conventions on parsed objects; returns the objects that break them. */
export function checkPolicies(docs: object[]): { kind: string; name: string; errors: string[] }[];
