import { checkPolicies } from './k8s-policy.cjs';

interface TestContainer {
  name: string;
  env: { name: string; value?: string; valueFrom?: object }[];
  resources: { requests?: object; limits?: object };
  securityContext: object;
}

interface TestDeployment {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    replicas?: number;
    template: {
      spec: {
        automountServiceAccountToken?: boolean;
        securityContext: { runAsNonRoot: boolean; seccompProfile: { type: string } };
        containers: TestContainer[];
      };
    };
  };
}

function hardenedDeployment(): TestDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cases' },
    spec: {
      replicas: 2,
      template: {
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'cases',
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '512Mi' },
              },
              securityContext: {
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
}

describe('checkPolicies', () => {
  it('accepts a hardened Deployment', () => {
    expect(checkPolicies([hardenedDeployment()])).toEqual([]);
  });

  it('reports each weakened setting by container', () => {
    const d = hardenedDeployment();
    const pod = d.spec.template.spec;
    delete pod.automountServiceAccountToken;
    pod.securityContext.runAsNonRoot = false;
    const c = pod.containers[0];
    c.securityContext = { readOnlyRootFilesystem: false, capabilities: { drop: [] } };
    delete c.resources.limits;
    c.env.push({ name: 'DB_PASSWORD', value: 'hunter2' });
    c.env.push({ name: 'DATABASE_URL', value: 'postgres://posa:pw@db:5432/cases' });
    expect(checkPolicies([d])).toEqual([
      {
        kind: 'Deployment',
        name: 'cases',
        errors: [
          'pod: securityContext.runAsNonRoot must be true',
          'pod: automountServiceAccountToken must be false',
          'container cases: readOnlyRootFilesystem must be true',
          'container cases: allowPrivilegeEscalation must be false',
          'container cases: capabilities must drop ALL',
          'container cases: resources.limits needs cpu and memory',
          'container cases: env DB_PASSWORD holds an inline secret; use a secretKeyRef',
          'container cases: env DATABASE_URL carries credentials in a URL; use a secretKeyRef',
        ],
      },
    ]);
  });

  it('accepts a secret taken from a secretKeyRef', () => {
    const d = hardenedDeployment();
    d.spec.template.spec.containers[0].env.push({
      name: 'DB_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'cases-secrets', key: 'password' } },
    });
    expect(checkPolicies([d])).toEqual([]);
  });

  it('refuses rendered Secrets and replicas on an autoscaled Deployment', () => {
    const hpa = {
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'cases' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'cases' } },
    };
    const secret = { kind: 'Secret', metadata: { name: 'cases-db' } };
    expect(checkPolicies([hardenedDeployment(), hpa, secret])).toEqual([
      {
        kind: 'Deployment',
        name: 'cases',
        errors: ['spec.replicas must be unset when a HorizontalPodAutoscaler scales it'],
      },
      {
        kind: 'Secret',
        name: 'cases-db',
        errors: ['charts must not render Secrets; reference an existingSecret'],
      },
    ]);
    const scaled = hardenedDeployment();
    delete scaled.spec.replicas;
    expect(checkPolicies([scaled, hpa])).toEqual([]);
  });
});
