/** One thing wrong with a network document: a JSON pointer and a sentence. */
export interface Problem {
  path: string;
  message: string;
}
