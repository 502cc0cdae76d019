import { parseProcStatus, readMemory } from './memory';

describe('backend memory', () => {
  it('reads the resident set and its high-water mark from proc status', () => {
    const status = [
      'Name:\tnode',
      'VmPeak:\t 11826476 kB',
      'VmHWM:\t   912340 kB',
      'VmRSS:\t   640012 kB',
      'Threads:\t18',
    ].join('\n');
    expect(parseProcStatus(status)).toEqual({
      rssBytes: 640012 * 1024,
      peakBytes: 912340 * 1024,
    });
  });

  it('says nothing when a field is missing, rather than zero', () => {
    expect(parseProcStatus('Name:\tnode\nVmRSS:\t 1 kB')).toBeUndefined();
  });

  it("reads this process's own memory, as Node counts it", () => {
    const reading = readMemory(process.pid)!;
    const rss = process.memoryUsage().rss;
    expect(reading.peakBytes).toBeGreaterThanOrEqual(reading.rssBytes);
    // Two readings a moment apart: the same order of magnitude.
    expect(reading.rssBytes).toBeGreaterThan(rss / 2);
    expect(reading.rssBytes).toBeLessThan(rss * 2);
    expect(readMemory(2 ** 22 + 7)).toBeUndefined();
  });
});
