/** What a command needs from the outside world; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The terminal progress is drawn on, when there is one. */
  readonly progress?: NodeJS.WriteStream;
  /** The command line as given, for the run record. */
  readonly argv?: readonly string[];
  /** Both stdin and stdout are a terminal: `hubsim` alone opens the TUI. */
  readonly interactive?: boolean;
}
