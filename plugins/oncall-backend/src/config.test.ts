import { ConfigReader } from '@backstage/config';
import { readOnCallConfig } from './config';

describe('readOnCallConfig', () => {
  it.each([
    ['development', true],
    ['test', true],
    [undefined, true],
  ])('serves the demo under NODE_ENV=%s', (NODE_ENV, demo) => {
    expect(
      readOnCallConfig(new ConfigReader({ onCall: { demo } }), { NODE_ENV })
        .demo,
    ).toBe(true);
  });

  it('refuses demo on-call data in production, saying which key to remove', () => {
    expect(() =>
      readOnCallConfig(new ConfigReader({ onCall: { demo: true } }), {
        NODE_ENV: 'production',
      }),
    ).toThrow(
      /^onCall\.demo is on under NODE_ENV=production.*Remove onCall\.demo/,
    );
    expect(
      readOnCallConfig(new ConfigReader({ onCall: { demo: false } }), {
        NODE_ENV: 'production',
      }).demo,
    ).toBe(false);
  });

  it('leaves every source out when nothing is configured', () => {
    expect(readOnCallConfig(new ConfigReader({}))).toEqual({
      demo: false,
      alertmanager: undefined,
      pagerDuty: undefined,
      vault: undefined,
      grafana: [],
      claims: [],
    });
  });

  it('fills in the defaults of a configured source', () => {
    const settings = readOnCallConfig(
      new ConfigReader({
        onCall: {
          alertmanager: { baseUrl: 'http://alertmanager:9093/' },
          pagerDuty: { token: 'pd-token' },
          vault: { baseUrl: 'https://vault.example/', token: 'v' },
          grafana: {
            instances: [
              { name: 'prod', baseUrl: 'https://grafana.example/', token: 'g' },
            ],
          },
        },
      }),
    );
    expect(settings.alertmanager).toEqual({
      baseUrl: 'http://alertmanager:9093',
      serviceLabel: 'service',
      timeoutMs: 5000,
    });
    expect(settings.pagerDuty).toEqual({
      baseUrl: 'https://api.pagerduty.com',
      token: 'pd-token',
      timeoutMs: 5000,
    });
    expect(settings.vault).toMatchObject({
      baseUrl: 'https://vault.example',
      publicUrl: 'https://vault.example',
      mount: 'secret',
      teamPathPrefix: '{team}/',
    });
    expect(settings.grafana).toEqual([
      {
        name: 'prod',
        baseUrl: 'https://grafana.example',
        publicUrl: 'https://grafana.example',
        token: 'g',
        timeoutMs: 5000,
      },
    ]);
  });

  it('names the key of a team path prefix without {team}', () => {
    expect(() =>
      readOnCallConfig(
        new ConfigReader({
          onCall: {
            vault: { baseUrl: 'https://v', token: 't', teamPathPrefix: 'kv/' },
          },
        }),
      ),
    ).toThrow(/^onCall\.vault\.teamPathPrefix must contain \{team\}/);
  });

  it('names the key of a timeout that is not a number', () => {
    expect(() =>
      readOnCallConfig(
        new ConfigReader({
          onCall: {
            alertmanager: { baseUrl: 'http://am', timeoutMs: 'soon' },
          },
        }),
      ),
    ).toThrow(/onCall\.alertmanager\.timeoutMs/);
  });
});
