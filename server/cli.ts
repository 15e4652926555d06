import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { ROLES, type Role } from './auth/roles.js';
import { describeDemo } from './demo/report.js';
import { DemoRefusedError, seedDemo } from './demo/seed.js';
import { AppError } from './http/errors.js';
import { normaliseEmail } from './people/email.js';
import { invitationLink } from './people/invitations.js';
import { BackupError, isBackupCommand, runBackupCommand } from './backup/commands.js';

/**
 * Administration from the shell, for the first sign-in on a server and for emergencies.
 * Works on the same database as the server; with the embedded engine, stop the server first.
 */
const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user     --email E --name N --role R [--member-state CODE] [--password P]
                  Without --password a one-time password is generated and printed.
  invite          --email E --role R [--member-state CODE] [--name N]
                  Prints an invitation link (valid 14 days, single use).
  reset-password  --email E [--password P]
                  Sets a new password (generated when omitted); the person must change it at sign-in.
  list-users
  backup FILE     Writes a consistent copy of the database to FILE (pg_dump with DATABASE_URL,
                  otherwise the embedded database; stop the server first for the embedded one).
  restore FILE    Replaces the database with the backup in FILE. Refused when the database holds
                  accounts or responses, unless --force.
  demo            Fills the database with demo accounts for every role and replies of all 11 member
                  states, without starting the server (npm run demo fills it and starts). Leaves
                  what exists alone, so it is safe to run again. Refused on a database with real
                  users, or where NODE_ENV=production (its accounts share a published password),
                  unless --force.
Roles: ${ROLES.join(', ')}. Delegates need --member-state (e.g. EE).`;

type Options = Record<string, string | undefined>;

const commands: Record<string, (app: FastifyInstance, o: Options) => Promise<string>> = {
  async 'create-user'(app, o) {
    const password = o.password ?? oneTimePassword();
    const person = await app.users.create({ email: need(o, 'email'), name: need(o, 'name'), role: role(o), memberState: o['member-state'], password, mustChangePassword: !o.password });
    await app.audit.record({ actor: null, action: 'user.created_by_cli', target: person.email, details: { role: person.role } });
    return `Created ${person.role} ${person.email}${person.memberState ? ` (${person.memberState})` : ''}.` + (o.password ? '' : `\nOne-time password: ${password}`);
  },
  async invite(app, o) {
    const created = await app.invitations.create({ email: need(o, 'email'), name: o.name, role: role(o), memberState: o['member-state'] }, { actor: null, via: 'cli' });
    const base = app.publicUrl ?? new URL('http://localhost:3000/');
    return `Invitation for ${created.email}, valid until ${created.expiresAt.toISOString()}:\n${invitationLink(base, created.token)}`;
  },
  async 'reset-password'(app, o) {
    const password = o.password ?? oneTimePassword();
    const found = await app.passwordChanges.resetFromCli(normaliseEmail(need(o, 'email')), password);
    return `Password reset for ${found.email}; they choose their own at next sign-in.` + (o.password ? '' : `\nOne-time password: ${password}`);
  },
  async 'list-users'(app) {
    const people = await app.users.list();
    return people.map((p) => `${p.role.padEnd(10)} ${(p.memberState ?? '').padEnd(4)} ${p.email}${p.disabledAt ? '  (disabled)' : ''}`).join('\n') || '(nobody yet)';
  },
  async demo(app, o) {
    return describeDemo(await seedDemo(app, { production: process.env.NODE_ENV === 'production', force: o.force !== undefined }));
  },
};

/** Commands that need the questionnaires in the database, imported as `npm start` would on a fresh machine. */
const NEEDS_DEFINITIONS = new Set(['demo']);

function need(o: Options, name: string): string {
  const value = o[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function role(o: Options): Role {
  const value = need(o, 'role');
  if (!(ROLES as readonly string[]).includes(value)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

const oneTimePassword = () => randomBytes(12).toString('base64url');

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (isBackupCommand(command)) return backupOrRestore(command, rest);
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.error(USAGE);
    return command ? 64 : 0;
  }
  // The one flag without a value; parseArgs' options here all take one.
  const force = rest.includes('--force');
  const { values } = parseArgs({
    args: rest.filter((arg) => arg !== '--force'),
    options: Object.fromEntries(['email', 'name', 'role', 'member-state', 'password'].map((n) => [n, { type: 'string' as const }])),
    strict: true,
  });
  const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), { importDefinitions: NEEDS_DEFINITIONS.has(command!) });
  try {
    console.log(await run(app, { ...(values as Options), ...(force ? { force: 'yes' } : {}) }));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof AppError || error instanceof DemoRefusedError) console.error(error.message);
    else throw error;
    return error instanceof UsageError ? 64 : 1;
  } finally {
    await app.close();
  }
}

/** Backup and restore work on the database alone, without building the app (which would migrate it). */
async function backupOrRestore(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error(`${command} needs one FILE${command === 'restore' ? ' (and optionally --force)' : ''}\n\n${USAGE}`);
    return 64;
  }
  try {
    console.log(await runBackupCommand(command, loadConfig(process.env).database, files[0]!, args.includes('--force')));
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
