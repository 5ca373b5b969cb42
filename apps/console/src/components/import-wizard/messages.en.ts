import type { ImportWizardKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<ImportWizardKey, string> = {
  'import.title': 'Import members',
  'import.description':
    'Import members from Excel or CSV: rows match existing members by external reference, then by ID number, so importing again creates no duplicates.',
  'import.template': 'Download template',
  'import.step.upload': 'Upload',
  'import.step.map': 'Map columns',
  'import.step.check': 'Dry run',
  'import.step.import': 'Import',
  'import.step.summary': 'Summary',
  'import.upload.hint': 'Click or drop a file here',
  'import.upload.formats': '.xlsx or .csv, headers in the first row, at most 20000 rows',
  'import.upload.parsing': 'Reading the file…',
  'import.upload.empty': 'The file has no data rows',
  'import.upload.failed': 'Cannot read the file: {reason}',
  'import.upload.tooMany': 'At most {n} rows at once',
  'import.upload.loaded': 'Read “{file}”: {rows} rows, {columns} columns',
  'import.map.column': 'Column in the file',
  'import.map.sample': 'Sample',
  'import.map.field': 'Field',
  'import.map.ignore': 'Ignore',
  'import.map.required': 'Map a column to “{field}”',
  'import.map.duplicate': '“{field}” is mapped more than once',
  'import.map.hint':
    'Mapped from the headers; adjust as needed. Chinese values for title, gender and category are converted.',
  'import.check.run': 'Run the dry run',
  'import.check.running': 'Checking…',
  'import.check.summary':
    '{ok} rows can be imported ({created} new, {updated} updated, {unchanged} unchanged); {error} rows have errors',
  'import.check.errorsOnly': 'Only rows with errors',
  'import.check.row': 'Row',
  'import.check.outcome': 'Outcome',
  'import.check.errors': 'Problems',
  'import.check.allBad': 'Every row has errors: fix the file and upload it again',
  'import.run': 'Import {n} rows',
  'import.running': 'Importing batch {batch} of {total}…',
  'import.done': 'Import finished',
  'import.failed': 'Import stopped: {reason}',
  'import.downloadRejected': 'Download rejected rows ({n})',
  'import.again': 'Import another file',
  'import.toList': 'Back to members',
  'import.reason': 'Reason',
  'import.outcome.created': 'New',
  'import.outcome.updated': 'Updated',
  'import.outcome.unchanged': 'Unchanged',
  'import.outcome.error': 'Error',
  'import.unknownValue': 'Unknown value “{value}”',
  'import.badDate': 'Unreadable date “{value}”',
  'import.badBoolean': 'Unknown value “{value}”: write 是 (yes) or 否 (no)',
  'import.badPhone':
    'Phone number “{value}” is neither a mainland mobile (11 digits, 13–19…) nor a landline with area code (010-12345678)',
  'import.lostDigits':
    'Excel stored “{value}” as a number and lost its last digits: format the column as text and enter it again',
};

export default en;
