/**
 * When to stop restarting a crashing language server. Free of VS Code so the
 * rule is unit-tested; languageClient.ts applies it in its ErrorHandler.
 *
 * Same rule as vscode-languageclient's default handler (5 crashes within 3
 * minutes), kept here because the default one shows its own notification and
 * we want a single, plain message with actions.
 */
export type CrashDecision = 'restart' | 'stop';

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxCrashes = 5,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and says whether to restart the server or give up. */
  recordCrash(now: number): CrashDecision {
    this.crashes = this.crashes.filter((time) => now - time < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length >= this.maxCrashes ? 'stop' : 'restart';
  }

  /** Forgets past crashes (after the user restarts the server by hand). */
  reset(): void {
    this.crashes = [];
  }

  /** True when the last crash happened less than `ms` before `now`. */
  crashedWithin(now: number, ms: number): boolean {
    const last = this.crashes[this.crashes.length - 1];
    return last !== undefined && now - last < ms;
  }

  /** Crashes counted in the current window. */
  get recent(): number {
    return this.crashes.length;
  }
}
