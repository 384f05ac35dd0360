/** A CLI command. `run` returns the exit code, or -1 to keep the process running (serve). */
export interface Command {
  /** words that select it, e.g. `user add` */
  name: string;
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}
