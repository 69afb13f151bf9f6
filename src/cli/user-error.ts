/** A problem with the user's input: printed without a stack trace, exit code 2. */
export class UserError extends Error {
  override readonly name = "UserError";
}

/** Exit codes, chosen in one place. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
