import { ConfigurationError, loadEnvironment } from '@app/config';
import { createAdminCommand } from './create-admin.command';
import { exportEventsCommand } from './export-events.command';
import { mintToken, UsageError } from './token.command';
import { verifyExportCommand } from './verify-export.command';

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  token: (args) => mintToken(loadEnvironment(), args),
  'create-admin': (args) => createAdminCommand(loadEnvironment(), args),
  'export-events': (args) => exportEventsCommand(loadEnvironment(), args),
  'verify-export': ([file, ...rest]) =>
    file && rest.length === 0 ? verifyExportCommand(file) : Promise.reject(new UsageError('usage: npm run cli -- verify-export <file>')),
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
