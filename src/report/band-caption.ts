/** What a band shows and holds, said once per block: "median and 90% band across replications, holding simulation noise only (fixed parameters)". */
export function bandCaption(words: string): string {
  return `median and 90% band across replications, holding ${words}`;
}
