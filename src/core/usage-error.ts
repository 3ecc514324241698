/**
 * A bad option or argument: the user's to fix by changing the command line (the CLI's exit 2).
 * Thrown by the core where a request cannot be carried out (an unknown --grid, a --by column the
 * input lacks); data problems are never thrown, they are diagnostics.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}
