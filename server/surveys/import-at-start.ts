import fp from 'fastify-plugin';
import { readDefinitionFolders } from './definition-files.js';

/**
 * Publishes the questionnaire files that are not yet in the database. A file that differs
 * from its published version stops start-up: a published questionnaire never changes.
 */
export default fp<{ definitionsDir: string }>(
  async (fastify, { definitionsDir }) => {
    const folders = await readDefinitionFolders(definitionsDir);
    const published = await fastify.surveys.importFolders(folders);
    for (const p of published) fastify.log.info(p, 'questionnaire version published from file');
  },
  { name: 'definitions-import', dependencies: ['services'] },
);
