import { RenderedManifest } from '../types';
import { validateKubernetesObjects } from './validateKubernetesObjects';

const deployment = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'listings' },
  spec,
});

const validDeploymentSpec = {
  selector: { matchLabels: { app: 'listings' } },
  template: {
    metadata: { labels: { app: 'listings' } },
    spec: {
      containers: [
        {
          name: 'listings',
          image: 'listings:1.0.0',
          resources: { limits: { cpu: '1', memory: '256Mi' } },
        },
      ],
    },
  },
};

const manifest = (object: Record<string, unknown>): RenderedManifest => ({
  source: 'listings/templates/deployment.yaml',
  object,
});

describe('validateKubernetesObjects', () => {
  it.each([
    ['a valid Deployment', deployment(validDeploymentSpec)],
    [
      'an Istio PeerAuthentication',
      {
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'PeerAuthentication',
        metadata: { name: 'portal' },
        spec: { mtls: { mode: 'STRICT' } },
      },
    ],
    // Istio 1.22+ serves these at v1 (written from istio.io's reference).
    [
      'an Istio v1 VirtualService',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'listings' },
        spec: {
          hosts: ['listings'],
          http: [
            {
              timeout: '5s',
              retries: { attempts: 2, perTryTimeout: '2s' },
              route: [{ destination: { host: 'listings' }, weight: 100 }],
            },
          ],
        },
      },
    ],
    [
      'an Istio v1 DestinationRule',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'DestinationRule',
        metadata: { name: 'listings' },
        spec: {
          host: 'listings',
          trafficPolicy: {
            tls: { mode: 'ISTIO_MUTUAL' },
            outlierDetection: { consecutive5xxErrors: 5, interval: '30s' },
          },
        },
      },
    ],
    [
      'an Istio v1 PeerAuthentication',
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'listings' },
        spec: {
          selector: { matchLabels: { app: 'listings' } },
          mtls: { mode: 'STRICT' },
        },
      },
    ],
    [
      'an Istio v1 AuthorizationPolicy',
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'listings' },
        spec: {
          selector: { matchLabels: { app: 'listings' } },
          action: 'ALLOW',
          rules: [
            {
              from: [
                {
                  source: {
                    principals: ['cluster.local/ns/web/sa/frontend'],
                  },
                },
              ],
            },
          ],
        },
      },
    ],
    [
      'an Istio v1 Gateway',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'Gateway',
        metadata: { name: 'public' },
        spec: {
          selector: { istio: 'ingressgateway' },
          servers: [
            {
              port: { number: 80, name: 'http', protocol: 'HTTP' },
              hosts: ['*'],
            },
          ],
        },
      },
    ],
    [
      'an Istio v1 ServiceEntry',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: 'payments-api' },
        spec: {
          hosts: ['api.payments.example'],
          ports: [{ number: 443, name: 'https', protocol: 'TLS' }],
          resolution: 'DNS',
          location: 'MESH_EXTERNAL',
        },
      },
    ],
    [
      'an Istio v1 RequestAuthentication',
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'RequestAuthentication',
        metadata: { name: 'listings' },
        spec: { jwtRules: [{ issuer: 'https://id.example' }] },
      },
    ],
    [
      'an Istio v1alpha3 VirtualService, still served',
      {
        apiVersion: 'networking.istio.io/v1alpha3',
        kind: 'VirtualService',
        metadata: { name: 'listings' },
        spec: { hosts: ['listings'] },
      },
    ],
    [
      'a prometheus-operator ServiceMonitor',
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { name: 'portal' },
        spec: {
          selector: { matchLabels: { app: 'portal' } },
          endpoints: [{ port: 'http', path: '/metrics' }],
        },
      },
    ],
    [
      'a cert-manager Certificate',
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'portal-tls' },
        spec: {
          secretName: 'portal-tls',
          dnsNames: ['portal.gogidix.dev'],
          issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' },
        },
      },
    ],
  ])('accepts %s', (_, object) => {
    expect(validateKubernetesObjects([manifest(object)])).toEqual([]);
  });

  it.each([
    [
      'a Deployment without a selector',
      deployment({ ...validDeploymentSpec, selector: undefined }),
      { field: 'spec.selector', rule: 'schema', message: /required/ },
    ],
    [
      'replicas that are not a number',
      deployment({ ...validDeploymentSpec, replicas: 'two' }),
      { field: 'spec.replicas', rule: 'schema', message: /integer.*"two"/ },
    ],
    [
      'resources.limits that is not a map',
      deployment({
        ...validDeploymentSpec,
        template: {
          spec: {
            containers: [{ name: 'listings', resources: { limits: 5 } }],
          },
        },
      }),
      {
        field: 'spec.template.spec.containers[0].resources.limits',
        rule: 'schema',
        message: /must be of type object/,
      },
    ],
    [
      'an Istio object with a wrong mTLS mode',
      {
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'PeerAuthentication',
        metadata: { name: 'portal' },
        spec: { mtls: { mode: 'SOMETIMES' } },
      },
      { field: 'spec.mtls.mode', rule: 'schema', message: /one of/ },
    ],
    [
      'an Istio v1 PeerAuthentication with a wrong mTLS mode',
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'listings' },
        spec: { mtls: { mode: 'STRICTT' } },
      },
      {
        field: 'spec.mtls.mode',
        rule: 'schema',
        message:
          /spec\.mtls\.mode must be one of \["UNSET","DISABLE","PERMISSIVE","STRICT"\], but is "STRICTT"/,
      },
    ],
    [
      'an Istio v1 VirtualService whose route weight is text',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'listings' },
        spec: {
          hosts: ['listings'],
          http: [
            { route: [{ destination: { host: 'listings' }, weight: '50%' }] },
          ],
        },
      },
      {
        field: 'spec.http[0].route[0].weight',
        rule: 'schema',
        message: /must be of type integer, but is "50%"/,
      },
    ],
    [
      'an Istio v1 AuthorizationPolicy with an unknown action',
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'listings' },
        spec: { action: 'PERMIT' },
      },
      { field: 'spec.action', rule: 'schema', message: /one of .*"PERMIT"/ },
    ],
    [
      'a Certificate without issuerRef',
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'portal-tls' },
        spec: { secretName: 'portal-tls' },
      },
      { field: 'spec.issuerRef', rule: 'schema', message: /required/ },
    ],
    // Istio 1.22 left ProxyConfig at v1beta1: at v1 the cluster refuses it.
    [
      'an Istio ProxyConfig at v1, which Istio does not serve',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ProxyConfig',
        metadata: { name: 'listings' },
        spec: { concurrency: 2 },
      },
      {
        field: 'apiVersion',
        rule: 'unknown-kind',
        message: /kind ProxyConfig in apiVersion networking\.istio\.io\/v1/,
      },
    ],
    [
      'a misspelt kind',
      { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } },
      { field: 'apiVersion', rule: 'unknown-kind', message: /Deploymnet/ },
    ],
    [
      'an apiVersion no model knows',
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'x' },
      },
      { field: 'apiVersion', rule: 'unknown-kind', message: /example.com/ },
    ],
    [
      'an object without a name',
      { ...deployment(validDeploymentSpec), metadata: {} },
      { field: 'metadata.name', rule: 'schema', message: /no metadata.name/ },
    ],
  ])('reports %s', (_, object, expected) => {
    const problems = validateKubernetesObjects([manifest(object)]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'listings/templates/deployment.yaml',
        field: expected.field,
        rule: expected.rule,
        message: expect.stringMatching(expected.message),
      }),
    ]);
    expect(problems[0].object).toMatch(/\//);
  });

  it('names the object by kind and name', () => {
    const [problem] = validateKubernetesObjects([
      manifest(deployment({ ...validDeploymentSpec, selector: undefined })),
    ]);
    expect(problem.object).toBe('Deployment/listings');
  });
});
