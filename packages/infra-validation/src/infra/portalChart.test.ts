import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { lintHelmChart, renderHelmChart } from '../helm/helmChart';
import { validateKubernetesObjects } from '../kubernetes/validateKubernetesObjects';
import { checkPrometheusRules } from '../prometheus/checkPrometheusRules';
import { RenderedManifest } from '../types';
import { portalChartDir, repoRoot } from './__testUtils__/repoPaths';

jest.setTimeout(120_000);

/** Each profile as it is deployed: gpu layers over prod. */
const PROFILES: Record<string, string[]> = {
  dev: ['dev.yaml'],
  prod: ['prod.yaml'],
  gpu: ['prod.yaml', 'gpu.yaml'],
};
const profileFiles = (profile: string) =>
  PROFILES[profile].map(f => path.join(portalChartDir, 'profiles', f));

type K8sObject = Record<string, any>;

function render(profile: string, values?: Record<string, unknown>) {
  return renderHelmChart({
    chartDir: portalChartDir,
    releaseName: 'gogidix-portal',
    namespace: 'platform',
    valuesFiles: profileFiles(profile),
    values,
  });
}

function find(manifests: RenderedManifest[], kind: string): K8sObject[] {
  return manifests.filter(m => m.object.kind === kind).map(m => m.object);
}

describe.each(Object.keys(PROFILES))(
  'the portal chart, %s profile',
  profile => {
    let manifests: RenderedManifest[];
    beforeAll(async () => {
      manifests = await render(profile);
    });

    it('lints clean', async () => {
      expect(
        await lintHelmChart({
          chartDir: portalChartDir,
          valuesFiles: profileFiles(profile),
        }),
      ).toEqual([]);
    });

    it('renders only objects that match their schemas', () => {
      expect(manifests.length).toBeGreaterThanOrEqual(9);
      expect(validateKubernetesObjects(manifests)).toEqual([]);
    });

    it('runs at least two non-root replicas with probes and resources', () => {
      const [deployment] = find(manifests, 'Deployment');
      const [hpa] = find(manifests, 'HorizontalPodAutoscaler');
      const replicas = hpa ? hpa.spec.minReplicas : deployment.spec.replicas;
      expect(replicas).toBeGreaterThanOrEqual(2);
      expect(find(manifests, 'PodDisruptionBudget')).toHaveLength(1);

      const pod = deployment.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      const [container] = pod.containers;
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      });
      expect(container.readinessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/readiness',
      );
      expect(container.livenessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/liveness',
      );
      expect(Object.keys(container.resources).sort()).toEqual([
        'limits',
        'requests',
      ]);
    });

    it('takes every secret by reference and renders no Secret', () => {
      expect(find(manifests, 'Secret')).toEqual([]);
      const [deployment] = find(manifests, 'Deployment');
      const env: K8sObject[] = deployment.spec.template.spec.containers[0].env;
      for (const name of [
        'POSTGRES_USER',
        'POSTGRES_PASSWORD',
        'AUTH_SESSION_SECRET',
        'AUTH_OIDC_CLIENT_ID',
        'AUTH_OIDC_CLIENT_SECRET',
        'REDIS_URL',
        'GITHUB_TOKEN',
      ]) {
        expect(env.find(e => e.name === name)).toEqual({
          name,
          valueFrom: { secretKeyRef: expect.any(Object) },
        });
      }
      const config = find(manifests, 'ConfigMap')[0].data[
        'app-config.kubernetes.yaml'
      ];
      expect(yaml.parse(config).backend.cache).toEqual({
        store: 'redis',
        connection: '${REDIS_URL}',
      });
    });

    it('trusts X-Forwarded-For from its ingress only, one hop', () => {
      const config = yaml.parse(
        find(manifests, 'ConfigMap')[0].data['app-config.kubernetes.yaml'],
      );
      // Rate limits count by req.ip: without this, the ingress's address.
      expect(config.backend.trustProxy).toBe(1);
    });

    it('serves TLS from cert-manager, with mTLS and a network policy', () => {
      const [ingress] = find(manifests, 'Ingress');
      const [certificate] = find(manifests, 'Certificate');
      expect(ingress.spec.tls[0].secretName).toBe(certificate.spec.secretName);
      expect(certificate.spec.dnsNames).toEqual(ingress.spec.tls[0].hosts);
      expect(find(manifests, 'PeerAuthentication')).toHaveLength(1);
      const [policy] = find(manifests, 'NetworkPolicy');
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    });
  },
);

describe('the portal chart profiles differ where they should', () => {
  it('monitors and alerts in prod, with rules promtool accepts', async () => {
    const prod = await render('prod');
    const [monitor] = find(prod, 'ServiceMonitor');
    expect(monitor.spec.endpoints).toEqual([
      expect.objectContaining({ port: 'metrics', path: '/metrics' }),
    ]);
    const env = find(prod, 'Deployment')[0].spec.template.spec.containers[0]
      .env;
    expect(env).toContainEqual({ name: 'PORTAL_METRICS_PORT', value: '9464' });
    const rules = prod.filter(m => m.object.kind === 'PrometheusRule');
    expect(rules).toHaveLength(1);
    const result = await checkPrometheusRules(
      rules.map(r => ({ path: r.source, content: yaml.stringify(r.object) })),
    );
    expect(result).toEqual({ problems: [] });
    const alerts = (rules[0].object as K8sObject).spec.groups[0].rules;
    // Each alert links a runbook that exists in the portal's own folder
    // (catalog-info.yaml: gogidix.io/runbooks: ./docs/runbooks).
    for (const alert of alerts) {
      const runbook =
        /^https:\/\/portal\.gogidix\.dev\/runbooks\/default\/component\/gogidix-portal\/([\w-]+)$/.exec(
          alert.annotations.runbook_url,
        )?.[1];
      expect(runbook).toBeDefined();
      expect(
        fs.existsSync(path.join(repoRoot, 'docs/runbooks', `${runbook}.md`)),
      ).toBe(true);
    }
    expect(find(await render('dev'), 'PrometheusRule')).toEqual([]);
  });

  it('exposes no metrics port in dev', async () => {
    const dev = await render('dev');
    expect(find(dev, 'ServiceMonitor')).toEqual([]);
    const [service] = find(dev, 'Service');
    expect(service.spec.ports.map((p: K8sObject) => p.name)).toEqual(['http']);
  });

  it('puts the gpu profile on the GPU node pool', async () => {
    const [deployment] = find(await render('gpu'), 'Deployment');
    const pod = deployment.spec.template.spec;
    expect(pod.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(pod.nodeSelector).toEqual({ 'gogidix.io/node-pool': 'gpu' });
    expect(pod.tolerations).toContainEqual(
      expect.objectContaining({ key: 'nvidia.com/gpu', effect: 'NoSchedule' }),
    );
  });
});

describe('the portal chart refuses bad values', () => {
  it.each([
    [{ replicaCount: 1 }, /replicaCount.*minimum/],
    [{ podSecurityContext: { runAsNonRoot: false } }, /runAsNonRoot/],
    [{ networkPolicy: { privateCidrs: ['0.0.0.0/0'] } }, /privateCidrs/],
    [{ externalDatabase: { sslMode: 'off' } }, /sslMode/],
    [{ ingress: { trustedProxyHops: 0 } }, /trustedProxyHops/],
  ])('lint fails on %j', async (values, message) => {
    const problems = await lintHelmChart({
      chartDir: portalChartDir,
      valuesFiles: profileFiles('dev'),
      values,
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        rule: 'helm-lint-error',
        message: expect.stringMatching(message),
      }),
    );
  });

  it('trusts as many proxy hops as configured, and none without its ingress', async () => {
    const appConfig = async (values: Record<string, unknown>) =>
      yaml.parse(
        find(await render('dev', values), 'ConfigMap')[0].data[
          'app-config.kubernetes.yaml'
        ],
      );
    expect(
      (await appConfig({ ingress: { trustedProxyHops: 2 } })).backend
        .trustProxy,
    ).toBe(2);
    expect(
      (await appConfig({ ingress: { enabled: false } })).backend?.trustProxy,
    ).toBeUndefined();
  });

  it('will not render without a database host', async () => {
    await expect(
      render('dev', { externalDatabase: { host: '' } }),
    ).rejects.toThrow(
      /portal\/Chart\.yaml.*externalDatabase\.host is required/,
    );
  });
});
