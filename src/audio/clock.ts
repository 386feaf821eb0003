/**
 * Narration time, in seconds from the start of the narration (negative during the arrival set
 * sounds). It runs on the wall clock, and is pulled to the audio's own position while the audio
 * plays, so captions follow the sound when there is sound and keep going when there is none.
 */
export class NarrationClock {
  private base = 0;
  private since = 0;
  private running = false;

  /** now(): seconds, monotonic (performance.now() / 1000 in the browser). */
  constructor(private readonly now: () => number) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(at: number): void {
    this.base = at;
    this.since = this.now();
    this.running = true;
  }

  /** Stops the clock where it is. */
  hold(): void {
    this.base = this.time();
    this.running = false;
  }

  resume(): void {
    if (this.running) return;
    this.since = this.now();
    this.running = true;
  }

  /** The audio says where it is: take its word for it. */
  sync(mediaTime: number): void {
    this.base = mediaTime;
    this.since = this.now();
  }

  time(): number {
    return this.running ? this.base + (this.now() - this.since) : this.base;
  }
}
