import { download } from './download';

describe('download', () => {
  let saved: { href: string; download: string; blob?: Blob }[];
  beforeEach(() => {
    saved = [];
    URL.createObjectURL = jest.fn(blob => {
      saved.push({ href: '', download: '', blob: blob as Blob });
      return `blob:${saved.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        saved[saved.length - 1].href = this.href;
        saved[saved.length - 1].download = this.download;
      });
  });
  afterEach(() => jest.restoreAllMocks());

  it('saves text as a CSV file under the given name', async () => {
    download('a,b\n1,2\n', 'cost-all-30d.csv');
    expect(saved).toHaveLength(1);
    expect(saved[0].download).toBe('cost-all-30d.csv');
    expect(saved[0].href).toBe('blob:1');
    expect(saved[0].blob!.type).toBe('text/csv');
    expect(await saved[0].blob!.text()).toBe('a,b\n1,2\n');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:1');
  });

  it('saves a blob as it is', () => {
    const blob = new Blob(['{}'], { type: 'application/json' });
    download(blob, 'audit.json');
    expect(saved[0].blob).toBe(blob);
    expect(saved[0].download).toBe('audit.json');
  });
});
