// POSA's deployment conventions, checked on every rendered chart (beyond the Kubernetes schemas):
// - workloads run as non-root with seccomp RuntimeDefault and no service-account token;
// - every container has a read-only root filesystem, no privilege escalation, drops ALL
//   capabilities and sets resource requests and limits;
// - no Secret objects and no secret-looking env values (secrets come only from existingSecret refs);
// - a Deployment scaled by an HPA leaves spec.replicas unset.
'use strict';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|CREDENTIALS?)$/i;
const URL_WITH_CREDENTIALS = /:\/\/[^/@:\s]+:[^/@\s]+@/;
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

function podSpecOf(obj) {
  if (obj.kind === 'Pod') return obj.spec;
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template?.spec;
  if (POD_TEMPLATE_KINDS.has(obj.kind)) return obj.spec?.template?.spec;
  return undefined;
}

function checkContainer(c, where, errors) {
  const sc = c.securityContext || {};
  if (sc.readOnlyRootFilesystem !== true)
    errors.push(`${where}: readOnlyRootFilesystem must be true`);
  if (sc.allowPrivilegeEscalation !== false) {
    errors.push(`${where}: allowPrivilegeEscalation must be false`);
  }
  if (!(sc.capabilities?.drop || []).includes('ALL'))
    errors.push(`${where}: capabilities must drop ALL`);
  if (sc.privileged === true) errors.push(`${where}: privileged is not allowed`);
  for (const part of ['requests', 'limits']) {
    const r = c.resources?.[part] || {};
    if (!r.cpu || !r.memory) errors.push(`${where}: resources.${part} needs cpu and memory`);
  }
  for (const e of c.env || []) {
    if (typeof e.value !== 'string') continue;
    if (SECRET_NAME.test(e.name)) {
      errors.push(`${where}: env ${e.name} holds an inline secret; use a secretKeyRef`);
    } else if (URL_WITH_CREDENTIALS.test(e.value)) {
      errors.push(`${where}: env ${e.name} carries credentials in a URL; use a secretKeyRef`);
    }
  }
}

function checkPodSpec(spec, errors) {
  const sc = spec.securityContext || {};
  if (sc.runAsNonRoot !== true) errors.push('pod: securityContext.runAsNonRoot must be true');
  if (sc.seccompProfile?.type !== 'RuntimeDefault') {
    errors.push('pod: securityContext.seccompProfile.type must be RuntimeDefault');
  }
  if (spec.automountServiceAccountToken !== false) {
    errors.push('pod: automountServiceAccountToken must be false');
  }
  const all = [...(spec.initContainers || []), ...(spec.containers || [])];
  all.forEach((c, i) => checkContainer(c, `container ${c.name || `#${i}`}`, errors));
}

/**
 * Checks the conventions on a list of parsed objects (one rendered scenario).
 * @param {Record<string, any>[]} docs
 * @returns {{ kind: string, name: string, errors: string[] }[]}
 */
function checkPolicies(docs) {
  const scaled = new Set(
    docs
      .filter((d) => d.kind === 'HorizontalPodAutoscaler')
      .map((d) => `${d.spec?.scaleTargetRef?.kind}/${d.spec?.scaleTargetRef?.name}`),
  );
  const problems = [];
  for (const doc of docs) {
    const errors = [];
    const name = doc.metadata?.name || '(unnamed)';
    if (doc.kind === 'Secret')
      errors.push('charts must not render Secrets; reference an existingSecret');
    const spec = podSpecOf(doc);
    if (spec) checkPodSpec(spec, errors);
    if (scaled.has(`${doc.kind}/${name}`) && doc.spec?.replicas !== undefined) {
      errors.push('spec.replicas must be unset when a HorizontalPodAutoscaler scales it');
    }
    if (errors.length > 0) problems.push({ kind: doc.kind, name, errors });
  }
  return problems;
}

module.exports = { checkPolicies };
