import { attachmentDisposition } from './attachment';

describe('attachmentDisposition', () => {
  it.each([
    [
      'slo-summary.csv',
      `attachment; filename="slo-summary.csv"; filename*=UTF-8''slo-summary.csv`,
    ],
    [
      'cost-group:default/team-a-30d.csv',
      `attachment; filename="cost-group_default_team-a-30d.csv"; filename*=UTF-8''cost-group_default_team-a-30d.csv`,
    ],
    [
      'cost-a"b\r\nSet-Cookie: x=1.csv',
      `attachment; filename="cost-a_b_Set-Cookie_x_1.csv"; filename*=UTF-8''cost-a_b_Set-Cookie_%20x%3D1.csv`,
    ],
    [
      'cost-équipe-ü-30d.csv',
      `attachment; filename="cost-equipe-u-30d.csv"; filename*=UTF-8''cost-%C3%A9quipe-%C3%BC-30d.csv`,
    ],
    [
      'cost-团队.csv',
      `attachment; filename="cost-_.csv"; filename*=UTF-8''cost-%E5%9B%A2%E9%98%9F.csv`,
    ],
    [
      '../../etc/passwd',
      `attachment; filename="_.._etc_passwd"; filename*=UTF-8''_.._etc_passwd`,
    ],
  ])('sends %j as %j', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it('gives a header Node accepts for any name', () => {
    const all = Array.from({ length: 0xe000 }, (_, i) =>
      String.fromCharCode(i),
    ).join('');
    for (let start = 0; start < all.length; start += 100) {
      const header = attachmentDisposition(all.slice(start, start + 100));
      expect(header).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
