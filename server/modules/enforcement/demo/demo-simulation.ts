import type { Clock } from '../../../core/clock';

/**
 * A day-by-day simulation for the demo cases: each case is a script that waits for its next day
 * with `at(date)`; the simulation runs the scripts one at a time in date order and moves the
 * clock to that day before each runs, so every operation happens on its own day, the audit log is
 * written in time order and nothing acts after `today` (a script waiting for a later day stops).
 */

/** Thrown into a script that waits for a day after today: the case stays where it is. */
export class PastToday extends Error {
  constructor() {
    super('after today');
  }
}

interface Entry {
  date: string;
  seq: number;
  resume: () => void;
}

export class DemoSimulation {
  private readonly queue: Entry[] = [];
  private seq = 0;
  private endTurn: (() => void) | null = null;
  private failure: Error | null = null;
  private current = '';
  private lastDate = '';
  private minute = 0;

  constructor(
    private readonly clock: Clock & { set(iso: string): void },
    readonly today: string,
  ) {}

  /** The simulated day now. */
  get date(): string {
    return this.current;
  }

  private push(date: string, resume: () => void): void {
    const entry = { date, seq: (this.seq += 1), resume };
    let low = 0;
    let high = this.queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.queue[middle] as Entry;
      if (other.date < date || (other.date === date && other.seq < entry.seq)) low = middle + 1;
      else high = middle;
    }
    this.queue.splice(low, 0, entry);
  }

  /** Starts a script on `date` (a script for a day after today never starts). */
  spawn(date: string, script: () => Promise<void>): void {
    if (date > this.today) return;
    this.push(date < this.current ? this.current : date, () => {
      script().then(
        () => this.finishTurn(),
        (error: unknown) => {
          if (!(error instanceof PastToday)) {
            this.failure = error instanceof Error ? error : new Error(String(error));
          }
          this.finishTurn();
        },
      );
    });
  }

  /** Waits until the simulation reaches `date` (today at the earliest); rejects after today. */
  at(date: string): Promise<void> {
    if (date > this.today) return Promise.reject(new PastToday());
    const target = date < this.current ? this.current : date;
    const waiting = new Promise<void>((resolve) => this.push(target, resolve));
    this.finishTurn();
    return waiting;
  }

  private finishTurn(): void {
    const end = this.endTurn;
    this.endTurn = null;
    end?.();
  }

  /** Runs every script to its end, in date order. */
  async run(onDay?: (date: string) => void): Promise<void> {
    for (;;) {
      const entry = this.queue.shift();
      if (!entry) return;
      if (entry.date !== this.lastDate) {
        this.lastDate = entry.date;
        this.minute = 0;
        onDay?.(entry.date);
      }
      this.current = entry.date;
      // office hours of that day, a little later for each operation, so times stay in order
      this.minute += 1;
      const seconds = 8 * 3600 + 30 * 60 + Math.min(this.minute * 7, 9 * 3600);
      const time = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
      this.clock.set(`${entry.date}T${time}+08:00`);
      const turn = new Promise<void>((resolve) => {
        this.endTurn = resolve;
      });
      entry.resume();
      await turn;
      if (this.failure) throw this.failure;
    }
  }
}
