import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootId, startTimeOf } from '../../../src/adapters/process/processIdentity.ts';
import { runningProcess, type RunningProcess } from '../../support/runningProcess.ts';

let other: RunningProcess;
beforeAll(async () => {
  other = await runningProcess();
});
afterAll(() => other.stop());

describe('processIdentity', () => {
  it('reads a running process’s start time and this boot’s id as /proc gives them', async () => {
    expect(await startTimeOf(other.pid)).toBe(other.start);
    expect(await bootId()).toBe(other.bootId);
  });

  it('gives no start time for a process that is gone', async () => {
    expect(await startTimeOf(999_999_999)).toBeNull();
  });
});
