/**
 * A real server process for the crash test: started from the environment (DATA_DIR or
 * DATABASE_URL, PORT=0), the seed app imported and the test's people created on first start, then
 * "READY <url>" on stdout. The test kills it with SIGKILL mid-load and starts it again on the
 * same database.
 */
import { importSeedAppOnce } from '../services/import-seed-app.js';
import { readConfig, startServer } from '../index.js';
import { TEST_SCRYPT } from './test-app.js';
import { testUserCreator } from './users.js';

/** username → roles, regions; every password is `pw-<username>-0123456789` (see testUserCreator) */
const PEOPLE: readonly { username: string; roles: string[]; regions?: string[]; partnerOrg?: string }[] = [
  { username: 'cm_east', roles: ['channel_manager'], regions: ['east'] },
  { username: 'applicant', roles: ['partner_user'], partnerOrg: 'P310001' },
];

const server = await startServer(readConfig(process.env), {
  print: () => undefined,
  app: { scrypt: TEST_SCRYPT, logger: false, uiRoots: {} },
  async beforeReady(app) {
    await importSeedAppOnce(app.storage);
    if ((await app.storage.read.partnerOrgs.get('P310001')) === null) {
      await app.storage.transaction((tx) => tx.partnerOrgs.create({ id: 'P310001', name: '上海恒通贸易有限公司', region: 'east' }));
    }
    const create = testUserCreator(app.storage, app.passwords);
    for (const person of PEOPLE) if ((await app.storage.read.users.getByUsername(person.username)) === null) await create(person);
  },
});
process.stdout.write(`READY ${server.url}\n`);
