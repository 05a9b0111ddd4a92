import { ConfigurationError, loadEnvironment } from '@app/config';
import { mintToken, UsageError } from './token.command';

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  token: (args) => mintToken(loadEnvironment(), args),
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`usage: npm run cli -- <${Object.keys(COMMANDS).join('|')}> …`);
  process.stdout.write(`${await command(args)}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof ConfigurationError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(known ? 2 : 1);
});
