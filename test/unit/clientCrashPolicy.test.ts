/**
 * When the client stops restarting a crashing server (client/src/crashPolicy.ts).
 */
import * as assert from 'node:assert/strict';
import { CrashPolicy } from '../../client/src/crashPolicy';

const MINUTE = 60 * 1000;

describe('client crash policy', () => {
  const cases: { name: string; crashesAt: number[]; expected: string[] }[] = [
    { name: 'a single crash restarts', crashesAt: [0], expected: ['restart'] },
    { name: '4 crashes within 3 minutes still restart', crashesAt: [0, 1, 2, 3].map((m) => m * 0.5 * MINUTE), expected: ['restart', 'restart', 'restart', 'restart'] },
    { name: 'the 5th crash within 3 minutes stops', crashesAt: [0, 10, 20, 30, 40].map((s) => s * 1000), expected: ['restart', 'restart', 'restart', 'restart', 'stop'] },
    { name: 'crashes a minute apart never stop', crashesAt: [0, 1, 2, 3, 4, 5, 6, 7].map((m) => m * MINUTE), expected: Array(8).fill('restart') },
    { name: 'crashes older than 3 minutes are forgotten', crashesAt: [0, 1000, 2000, 3000, 3 * MINUTE + 3500, 3 * MINUTE + 3600], expected: ['restart', 'restart', 'restart', 'restart', 'restart', 'restart'] },
    { name: 'a burst after a quiet spell stops on its 5th crash', crashesAt: [0, 10 * MINUTE, 10 * MINUTE + 1, 10 * MINUTE + 2, 10 * MINUTE + 3, 10 * MINUTE + 4], expected: ['restart', 'restart', 'restart', 'restart', 'restart', 'stop'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const policy = new CrashPolicy();
      assert.deepEqual(c.crashesAt.map((time) => policy.recordCrash(time)), c.expected);
    });
  }

  it('a manual restart (reset) starts counting again', () => {
    const policy = new CrashPolicy();
    for (let i = 0; i < 5; i++) policy.recordCrash(i);
    assert.equal(policy.recent, 5);
    policy.reset();
    assert.equal(policy.recent, 0);
    assert.equal(policy.recordCrash(10), 'restart');
  });

  describe('crashedWithin: was a start failure caused by a crash just now?', () => {
    const cases = [
      { name: 'no crash yet', crashes: [] as number[], now: 1000, expected: false },
      { name: 'a crash in the same moment', crashes: [1000], now: 1000, expected: true },
      { name: 'a crash 9 s ago', crashes: [1000], now: 10_000, expected: true },
      { name: 'a crash 10 s ago is too old', crashes: [0], now: 10_000, expected: false },
      { name: 'only the last crash counts', crashes: [0, 9_000], now: 10_000, expected: true },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const policy = new CrashPolicy();
        for (const time of c.crashes) policy.recordCrash(time);
        assert.equal(policy.crashedWithin(c.now, 10_000), c.expected);
      });
    }
  });

  it('limits are configurable', () => {
    const policy = new CrashPolicy(2, 1000);
    assert.deepEqual([0, 500].map((t) => policy.recordCrash(t)), ['restart', 'stop']);
  });
});
