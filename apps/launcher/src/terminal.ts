/**
 * What the launcher tells the person at the terminal (where things are, what it is doing). It is
 * the launcher's user interface, not logging: the api and worker log JSON through pino.
 */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function complain(line: string): void {
  process.stderr.write(`${line}\n`);
}
