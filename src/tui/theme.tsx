import { Chalk, type ChalkInstance } from "chalk";
import { createContext, useContext } from "react";

// Lines are painted into strings and drawn as one <Text> per block: ink measures and wraps each
// <Text> separately, and a chart drawn as hundreds of small ones took a tenth of a second a frame.

/** A painter with colour at `level` (0: none, as under NO_COLOR or in tests). */
export const painter = (level: 0 | 1 | 2 | 3): ChalkInstance => new Chalk({ level });

/** The painter the UI draws with. */
export const PaintContext = createContext<ChalkInstance>(painter(0));

/** The current painter. */
export const usePaint = (): ChalkInstance => useContext(PaintContext);
