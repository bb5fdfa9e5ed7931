// Validates rendered Kubernetes objects offline against the Kubernetes JSON schemas shipped by
// the kubernetes-models package (and @kubernetes-models/prometheus-operator for the
// monitoring.coreos.com CRDs). Used by scripts/charts-check.mjs and its unit test.
//
// Limits: the schemas check types, enums and required fields, but not unknown fields (a typo such
// as `readinesProbe` passes); objects of an API group with no schema here are reported as errors.
'use strict';
const yaml = require('js-yaml');

const API_VERSION = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
// API groups whose schemas come from a package other than kubernetes-models.
const CRD_PACKAGES = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

/** Loads the model class for apiVersion/kind, or returns undefined when none is known. */
function findModel(apiVersion, kind) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const pkg = CRD_PACKAGES[group] || 'kubernetes-models';
  try {
    const Model = require(`${pkg}/${apiVersion}/${kind}`)[kind];
    // Only top-level resources carry their own apiVersion and kind (not e.g. v1 Container).
    return Model && Model.apiVersion === apiVersion && Model.kind === kind ? Model : undefined;
  } catch (err) {
    if (err && (err.code === 'MODULE_NOT_FOUND' || err.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) {
      return undefined;
    }
    throw err;
  }
}

/** Formats one schema error as "<path>: <message>". */
function formatSchemaError(e) {
  const where = e.instancePath || '/';
  const detail = e.message || `${e.keyword} ${JSON.stringify(e.params)}`;
  return `${where}: ${detail}`;
}

/**
 * Validates one object. Returns a list of error strings; an empty list means valid.
 * @param {unknown} obj
 * @returns {string[]}
 */
function validateObject(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return ['object: must be a mapping'];
  }
  const errors = [];
  const { apiVersion, kind, metadata } = obj;
  if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) {
    errors.push(`/apiVersion: must be a group/version string, got ${JSON.stringify(apiVersion)}`);
  }
  if (typeof kind !== 'string' || !KIND.test(kind)) {
    errors.push(`/kind: must be a CamelCase kind, got ${JSON.stringify(kind)}`);
  }
  if (
    !metadata ||
    typeof metadata !== 'object' ||
    typeof metadata.name !== 'string' ||
    !metadata.name
  ) {
    errors.push('/metadata/name: is required');
  }
  if (errors.length > 0) return errors;
  const Model = findModel(apiVersion, kind);
  if (!Model) return [`/kind: no schema known for ${apiVersion} ${kind}`];
  try {
    new Model(obj).validate();
  } catch (err) {
    const list = err && Array.isArray(err.errors) ? err.errors : null;
    if (!list) return [`schema: ${err && err.message ? err.message : String(err)}`];
    return list.map(formatSchemaError);
  }
  return [];
}

/**
 * Parses a multi-document YAML stream (helm template output) and validates every object.
 * Also reports two objects with the same apiVersion, kind and name.
 * @param {string} text
 * @returns {{ objects: {kind: string, name: string}[], docs: object[], problems: {kind: string, name: string, errors: string[]}[] }}
 */
function validateManifests(text) {
  let docs;
  try {
    docs = yaml.loadAll(text);
  } catch (err) {
    const where = err.mark ? ` at line ${err.mark.line + 1}` : '';
    const reason = `${err.reason || err.message}${where} of the rendered output`;
    return { objects: [], docs: [], problems: [{ kind: 'YAML', name: '-', errors: [reason] }] };
  }
  const objects = [];
  const parsed = [];
  const problems = [];
  const seen = new Set();
  docs.forEach((doc, index) => {
    if (doc === null || doc === undefined) return;
    const kind = doc && typeof doc.kind === 'string' ? doc.kind : `document#${index}`;
    const name = doc && doc.metadata && doc.metadata.name ? String(doc.metadata.name) : '(unnamed)';
    objects.push({ kind, name });
    parsed.push(doc);
    const errors = validateObject(doc);
    const key = `${doc && doc.apiVersion}/${kind}/${name}`;
    if (seen.has(key)) errors.push(`duplicate object ${key}`);
    seen.add(key);
    if (errors.length > 0) problems.push({ kind, name, errors });
  });
  return { objects, docs: parsed, problems };
}

module.exports = { validateObject, validateManifests };
