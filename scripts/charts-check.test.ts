import { validateManifests, validateObject } from './lib/k8s-validate.cjs';

function deployment(container: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'households' },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'households' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'households' } },
        spec: { containers: [container] },
      },
    },
  };
}

describe('validateObject', () => {
  it('accepts a well-formed Deployment', () => {
    const good = deployment({
      name: 'households',
      image: 'posa/households:0.1.0',
      ports: [{ name: 'grpc', containerPort: 50051 }],
      readinessProbe: { grpc: { port: 50051 } },
    });
    expect(validateObject(good)).toEqual([]);
  });

  it('reports a container without a name', () => {
    const errors = validateObject(deployment({ image: 'posa/households:0.1.0' }));
    expect(errors).toEqual(['/spec/template/spec/containers/0: must have required property name']);
  });

  it('reports a value of the wrong type', () => {
    const errors = validateObject(
      deployment({ name: 'households', image: 'x', ports: [{ containerPort: '50051' }] }),
    );
    expect(errors).toEqual([
      '/spec/template/spec/containers/0/ports/0/containerPort: must be integer',
    ]);
  });

  it('reports a missing metadata.name and an unknown kind', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toEqual([
      '/metadata/name: is required',
    ]);
    expect(
      validateObject({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } }),
    ).toEqual(['/kind: no schema known for example.org/v1 Widget']);
  });

  it('validates the ServiceMonitor CRD against its schema', () => {
    const monitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'households' },
      spec: { selector: { matchLabels: { a: 'b' } }, endpoints: [{ port: 'metrics' }] },
    };
    expect(validateObject(monitor)).toEqual([]);
    const broken = { ...monitor, spec: { endpoints: [{ port: 9464 }] } };
    expect(validateObject(broken)).toEqual([
      '/spec: must have required property selector',
      '/spec/endpoints/0/port: must be string',
    ]);
  });
});

describe('validateManifests', () => {
  it('names each broken object in a rendered stream and flags duplicates', () => {
    const text = [
      '# Source: posa/templates/shared-configmap.yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: posa-shared}',
      'data: {KAFKA_BROKERS: "k:9092"}',
      '---',
      'apiVersion: policy/v1',
      'kind: PodDisruptionBudget',
      'metadata: {name: households}',
      'spec: {maxUnavailable: 1, selector: {matchLabels: {a: b}}}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: posa-shared}',
      'data: {RETRIES: 3}',
      '---',
    ].join('\n');
    const { objects, problems } = validateManifests(text);
    expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'PodDisruptionBudget', 'ConfigMap']);
    expect(problems).toEqual([
      {
        kind: 'ConfigMap',
        name: 'posa-shared',
        errors: ['/data/RETRIES: must be string', 'duplicate object v1/ConfigMap/posa-shared'],
      },
    ]);
  });

  it('reports YAML that does not parse', () => {
    const { problems } = validateManifests('kind: [unclosed');
    expect(problems).toHaveLength(1);
    expect(problems[0].kind).toBe('YAML');
  });
});
