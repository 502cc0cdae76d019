import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readRoleSettings } from './config';

describe('readRoleSettings', () => {
  const read = (roles: JsonValue | undefined) =>
    readRoleSettings(
      new ConfigReader({ gogidix: { roles: roles as JsonValue } }),
    );

  it('reads the groups, the manager annotation and the freshness bound', () => {
    expect(
      read({ platformAdmins: ['platform-admins'], onCall: ['group:ops/sre'] }),
    ).toEqual({
      platformAdmins: ['group:default/platform-admins'],
      onCall: ['group:ops/sre'],
      managerAnnotation: 'gogidix.io/lead',
      groupCacheMs: 60_000,
    });
  });

  it.each([
    [undefined, /gogidix\.roles is not set/],
    [{ onCall: [] }, /platformAdmins/],
    [
      { platformAdmins: ['user:default/priya'], onCall: [] },
      /gogidix\.roles\.platformAdmins\[0\]: "user:default\/priya" is not a group/,
    ],
    [
      { platformAdmins: [], onCall: [], groupCacheSeconds: 3600 },
      /gogidix\.roles\.groupCacheSeconds: must be from 0 to 600, got 3600/,
    ],
  ])('refuses %j', (roles, message) => {
    expect(() => read(roles)).toThrow(message);
  });
});
