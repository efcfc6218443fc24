/** A range file that cannot be used as a whole: names the file and what is wrong with it. */
export class RangeFeedError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'RangeFeedError';
    this.file = file;
  }
}
