/**
 * The audit action of every download — the analysis files and the audit log's own CSV — so
 * that one filter of the audit log lists them all: who fetched which file with which filter.
 */
export const DOWNLOAD_ACTION = 'export.downloaded';
