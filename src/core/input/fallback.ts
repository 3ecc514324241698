/** The streaming reader cannot take this input (or this run); the csv-parse path will. */
export class FastFallback extends Error {
  constructor(readonly reason: string) {
    super(`fast path not taken: ${reason}`);
  }
}
