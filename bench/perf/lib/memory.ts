// The backends' memory, as Linux accounts it for their processes.
import fs from 'node:fs';

/** A backend process's resident memory now, and the most it has held. */
export interface MemoryReading {
  rssBytes: number;
  /** The high-water mark of the resident set since the process started. */
  peakBytes: number;
}

/**
 * Reads `VmRSS` and `VmHWM` from the text of `/proc/<pid>/status` (sizes
 * in kB, as proc(5) gives them); undefined when either is missing.
 */
export function parseProcStatus(text: string): MemoryReading | undefined {
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB$`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : undefined;
  };
  const rssBytes = kib('VmRSS');
  const peakBytes = kib('VmHWM');
  if (rssBytes === undefined || peakBytes === undefined) return undefined;
  return { rssBytes, peakBytes };
}

/** The memory of a running process, or undefined once it is gone. */
export function readMemory(pid: number | undefined): MemoryReading | undefined {
  if (pid === undefined) return undefined;
  try {
    return parseProcStatus(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Bytes as MiB with no decimals, for the report. */
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
