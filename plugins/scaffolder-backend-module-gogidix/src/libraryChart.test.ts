import {
  renderHelmChart,
  validateKubernetesObjects,
} from '@gogidix/infra-validation';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { tempDir } from './__testUtils__/context';
import { repoRoot } from './__testUtils__/templates';

type K8sObject = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: any;
};

/** Renders the library chart through a minimal service chart. */
async function render(values: Record<string, unknown>) {
  const chart = tempDir('library-chart-');
  fs.mkdirSync(path.join(chart, 'templates'));
  fs.cpSync(
    path.join(repoRoot, 'infra/helm/gogidix-service'),
    path.join(chart, 'charts/gogidix-service'),
    { recursive: true },
  );
  fs.writeFileSync(
    path.join(chart, 'Chart.yaml'),
    'apiVersion: v2\nname: photos\nversion: 0.1.0\ndependencies:\n  - name: gogidix-service\n    version: 1.0.0\n    repository: oci://harbor.test/charts\n',
  );
  fs.writeFileSync(
    path.join(chart, 'templates/service.yaml'),
    '{{ include "gogidix-service.all" . }}\n',
  );
  fs.copyFileSync(
    path.join(repoRoot, 'infra/helm/gogidix-service/values.yaml'),
    path.join(chart, 'values.yaml'),
  );
  fs.writeFileSync(
    path.join(chart, 'values-test.yaml'),
    stringify({
      service: { name: 'photos', team: 'listings', tier: 'tier-1' },
      image: { repository: 'harbor.test/photos', tag: '1.0.0' },
      ...values,
    }),
  );
  const manifests = await renderHelmChart({
    chartDir: chart,
    releaseName: 'photos',
    namespace: 'listings',
    valuesFiles: [
      path.join(chart, 'values.yaml'),
      path.join(chart, 'values-test.yaml'),
    ],
  });
  const objects = manifests.map(m => m.object as unknown as K8sObject);
  const find = (kind: string, name = 'photos') =>
    objects.find(o => o.kind === kind && o.metadata.name === name);
  return { manifests, objects, find };
}

describe('the gogidix-service library chart', () => {
  it.each([
    ['small-inference', 'nvidia.com/gpu', 1, 'NVIDIA-L4'],
    ['large-inference', 'nvidia.com/gpu', 1, 'NVIDIA-A100-SXM4-80GB'],
    ['training', 'nvidia.com/gpu', 4, 'NVIDIA-H100-80GB-HBM3'],
    ['mig-slice', 'nvidia.com/mig-1g.10gb', 1, 'NVIDIA-A100-SXM4-80GB'],
  ])(
    'schedules the %s GPU profile: limits, node selector, toleration, runtime class',
    async (profile, resource, count, product) => {
      const { find } = await render({ gpu: { profile } });
      const pod = find('Deployment')!.spec.template.spec;
      expect(pod.containers[0].resources.limits[resource]).toBe(count);
      expect(pod.nodeSelector).toEqual({ 'nvidia.com/gpu.product': product });
      expect(pod.tolerations).toContainEqual(
        expect.objectContaining({
          key: 'nvidia.com/gpu',
          effect: 'NoSchedule',
        }),
      );
      expect(pod.runtimeClassName).toBe('nvidia');
    },
  );

  it('asks for no GPU without a profile', async () => {
    const { find } = await render({});
    const pod = find('Deployment')!.spec.template.spec;
    expect(JSON.stringify(pod)).not.toMatch(/nvidia/);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
  });

  it('splits traffic for a canary and ejects failing hosts', async () => {
    const { find } = await render({
      mesh: { canary: { enabled: true, weight: 30 } },
      image: {
        repository: 'harbor.test/photos',
        tag: '1.0.0',
        canaryTag: '1.1.0',
      },
    });
    expect(find('PeerAuthentication')!.spec.mtls.mode).toBe('STRICT');
    const routes = find('VirtualService')!.spec.http[0];
    expect(routes.timeout).toBe('5s');
    expect(routes.retries.attempts).toBe(2);
    expect(
      routes.route.map((r: any) => [r.destination.subset, r.weight]),
    ).toEqual([
      ['stable', 70],
      ['canary', 30],
    ]);
    expect(
      find('DestinationRule')!.spec.trafficPolicy.outlierDetection
        .consecutive5xxErrors,
    ).toBe(5);
    const canary = find('Deployment', 'photos-canary')!;
    expect(canary.spec.template.spec.containers[0].image).toBe(
      'harbor.test/photos:1.1.0',
    );
  });

  it.each([
    [{}, 'v1'],
    [{ mesh: { istioApiVersion: 'v1beta1' } }, 'v1beta1'],
  ])(
    'writes the mesh objects at the Istio API version asked (%j), and they validate',
    async (values, version) => {
      const { manifests, objects } = await render(values);
      const istio = objects
        .filter(o => o.kind !== 'NetworkPolicy')
        .map(o => [o.kind, (o as { apiVersion?: string }).apiVersion])
        .filter(([, apiVersion]) => String(apiVersion).includes('istio'));
      expect(istio).toEqual(
        expect.arrayContaining([
          ['PeerAuthentication', `security.istio.io/${version}`],
          ['DestinationRule', `networking.istio.io/${version}`],
          ['VirtualService', `networking.istio.io/${version}`],
        ]),
      );
      expect(validateKubernetesObjects(manifests)).toEqual([]);
    },
  );

  it('refuses an Istio API version it does not write', async () => {
    await expect(
      render({ mesh: { istioApiVersion: 'v1alpha1' } }),
    ).rejects.toThrow(
      /mesh.istioApiVersion "v1alpha1".*use v1 \(Istio 1.22\+\)/,
    );
  });

  it('refuses a canary weight out of range', async () => {
    await expect(
      render({ mesh: { canary: { enabled: true, weight: 130 } } }),
    ).rejects.toThrow(/mesh.canary.weight 130 is out of range/);
  });

  it('leaves the mesh out when it is off, but keeps the default-deny policy', async () => {
    const { objects, find } = await render({ mesh: { enabled: false } });
    expect(objects.map(o => o.kind)).not.toContain('VirtualService');
    expect(objects.map(o => o.kind)).not.toContain('PeerAuthentication');
    const policy = find('NetworkPolicy')!.spec;
    expect(policy.policyTypes).toEqual(['Ingress']);
    expect(policy.ingress[0].from).toContainEqual({
      namespaceSelector: {
        matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
      },
    });
  });

  it('wires Vault Agent to the service path and role', async () => {
    const { find } = await render({
      vault: { enabled: true, path: 'listings/photos', role: 'photos' },
    });
    const annotations = find('Deployment')!.spec.template.metadata.annotations;
    expect(annotations).toMatchObject({
      'vault.hashicorp.com/agent-inject': 'true',
      'vault.hashicorp.com/role': 'photos',
      'vault.hashicorp.com/agent-inject-secret-config':
        'kv/data/listings/photos',
    });
  });
});
