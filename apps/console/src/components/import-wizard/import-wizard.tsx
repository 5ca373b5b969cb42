import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  InboxOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, Flex, Progress, Row, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Card } from '@/components/card';
import { onDemand } from '@/components/on-demand';
import { type Crumb, PageHeader } from '@/components/page-header';
import { Result } from '@/components/query-error';
import { useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { downloadCsv } from '@/lib/table-file';
import {
  autoMap,
  type ConvertedRow,
  convertRow,
  fieldColumns,
  type ImportRow,
  type ImportSpec,
  type LocalProblem,
  type Lookup,
  templateHeaders,
} from './columns';
import type { ImportResponse, ImportResult, RowProblem, RowReport } from './report';
import { readSpreadsheet, type Sheet } from './spreadsheet';

export type { ImportResponse } from './report';

// The steps after the upload, fetched once a file is read: the page opens without their tables.
const MappingStep = onDemand(() => import('./mapping-step').then((m) => m.MappingStep));
const PreviewTable = onDemand(() => import('./preview-table').then((m) => m.PreviewTable));

/** The import endpoints take at most this many rows in one request. */
const BATCH_SIZE = 1000;
const MAX_ROWS = 20_000;
interface Totals {
  created: number;
  updated: number;
  unchanged: number;
  error: number;
}

function totalsOf(reports: readonly (RowReport | undefined)[]): Totals {
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, error: 0 };
  for (const report of reports) if (report) totals[report.outcome] += 1;
  return totals;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export interface ImportWizardProps<F extends string> {
  /** The kind of row: its columns, how cells become API values, and the wizard's words for it. */
  spec: ImportSpec<F>;
  breadcrumb: Crumb[];
  /** Where “back to the list” leads. */
  listUrl: string;
  /** One batch (at most 1000 rows) to the import endpoint. */
  send: (rows: ImportRow[], dryRun: boolean) => Promise<ImportResponse>;
}

/**
 * Upload a spreadsheet (CSV or XLSX), map its columns to fields, check it with a dry run, import it in
 * batches with progress, and see what became of each row: one wizard for every importable kind of row.
 */
export function ImportWizard<F extends string>({ spec, breadcrumb, listUrl, send }: ImportWizardProps<F>) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [fileName, setFileName] = useState('');
  const [sheet, setSheet] = useState<Sheet>();
  const [lookup, setLookup] = useState<Lookup>();
  const [parsing, setParsing] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const [mapping, setMapping] = useState<(F | undefined)[]>([]);
  const [reports, setReports] = useState<(RowReport | undefined)[]>([]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState({ batch: 0, total: 0 });
  const [runError, setRunError] = useState<string>();
  const [errorsOnly, setErrorsOnly] = useState(false);

  const converted = useMemo<ConvertedRow[]>(
    () => (sheet ? sheet.rows.map((cells) => convertRow(spec, cells, mapping, lookup)) : []),
    [spec, sheet, mapping, lookup],
  );
  const fieldLabel = (field: string) => {
    const known = spec.fields.find((candidate) => candidate === field);
    return known ? t(spec.columns[known].label) : field;
  };

  function reset() {
    setStep(0);
    setSheet(undefined);
    setFileName('');
    setMapping([]);
    setReports([]);
    setRunError(undefined);
    setUploadError(undefined);
    setErrorsOnly(false);
  }

  async function load(file: File) {
    setParsing(true);
    setUploadError(undefined);
    try {
      const read = await readSpreadsheet(file);
      if (read.rows.length === 0) setUploadError(t('import.upload.empty'));
      else if (read.rows.length > MAX_ROWS) setUploadError(t('import.upload.tooMany', { n: MAX_ROWS }));
      else {
        // Names in the file (society names) are resolved once per file, against the current list.
        setLookup(spec.lookup ? await spec.lookup() : undefined);
        setSheet(read);
        setFileName(file.name);
        setMapping(autoMap(spec, read.headers));
        setReports([]);
        setStep(1);
      }
    } catch (error) {
      setUploadError(t('import.upload.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setParsing(false);
    }
  }

  function localText(problem: LocalProblem): string {
    const params = { value: problem.value };
    if (problem.message) return t(problem.message, params);
    switch (problem.problem.code) {
      case 'bad_date':
        return t('import.badDate', params);
      case 'bad_boolean':
        return t('import.badBoolean', params);
      case 'bad_phone':
        return t('import.badPhone', params);
      case 'lost_digits':
        return t('import.lostDigits', params);
      default:
        return t('import.unknownValue', params);
    }
  }

  function serverProblems(result: ImportResult): RowProblem[] {
    return (result.errors ?? []).map((issue) => {
      const key = issue.path.replace(/^\//, '').split('/')[0] ?? '';
      const own = spec.codeMessages[issue.code];
      return {
        field: spec.fields.find((field) => field === key),
        text: own ? t(own) : fieldMessage(issue, i18n),
      };
    });
  }

  /** Sends the readable rows in batches of at most 1000; rows with unreadable values are reported locally. */
  async function run(dryRun: boolean) {
    setRunning(true);
    setRunError(undefined);
    const next: (RowReport | undefined)[] = converted.map((row) =>
      row.problems.length > 0
        ? {
            outcome: 'error',
            problems: row.problems.map((problem) => ({ field: problem.field, text: localText(problem) })),
          }
        : undefined,
    );
    const sendable = converted.flatMap((row, index) => (row.problems.length > 0 ? [] : [{ index, body: row.body }]));
    const batches = chunks(sendable, BATCH_SIZE);
    setProgress({ batch: 0, total: batches.length });
    setReports(next.slice());
    try {
      for (const [number, batch] of batches.entries()) {
        setProgress({ batch: number + 1, total: batches.length });
        const response = await send(
          batch.map((row) => row.body),
          dryRun,
        );
        for (const result of response.results) {
          const original = batch[result.index];
          if (original) next[original.index] = { outcome: result.outcome, problems: serverProblems(result) };
        }
        setReports(next.slice());
      }
      setProgress({ batch: batches.length, total: batches.length });
      if (!dryRun) setStep(4);
    } catch (error) {
      setRunError(problemMessage(error, i18n));
    } finally {
      setRunning(false);
    }
  }

  async function downloadRejected() {
    if (!sheet) return;
    const rejected = sheet.text.flatMap((cells, index) => {
      const report = reports[index];
      if (report?.outcome !== 'error') return [];
      const reason = report.problems
        .map((problem) => (problem.field ? `${fieldLabel(problem.field)}：${problem.text}` : problem.text))
        .join('；');
      return [[...cells, reason]];
    });
    await downloadCsv(`${fileName.replace(/\.[^.]+$/, '')}-未导入.csv`, [
      [...sheet.headers, t('import.reason')],
      ...rejected,
    ]);
  }

  const totals = totalsOf(reports);
  const okCount = totals.created + totals.updated + totals.unchanged;
  const unmapped = spec.required.filter((field) => !mapping.includes(field));
  const duplicates = spec.fields.filter((field) => mapping.filter((mapped) => mapped === field).length > 1);
  const nameIndex = mapping.indexOf(spec.nameField);

  const steps = [
    { title: t('import.step.upload') },
    { title: t('import.step.map') },
    { title: t('import.step.check') },
    { title: t('import.step.import') },
    { title: t('import.step.summary') },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={t(spec.text.title)}
        subTitle={t(spec.text.description)}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadCsv(spec.templateFile, [templateHeaders(spec)])}
              data-testid="import-template"
            >
              {t('import.template')}
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(listUrl)}>
              {t(spec.text.toList)}
            </Button>
          </>
        }
      />
      <Card>
        <Steps current={step} items={steps} style={{ marginBottom: 24 }} data-testid="import-steps" />
        {step === 0 && (
          <Flex vertical gap={16}>
            {uploadError && <Alert type="error" showIcon title={uploadError} data-testid="import-upload-error" />}
            <Spin spinning={parsing} tip={t('import.upload.parsing')}>
              <div data-testid="import-upload">
                <Upload.Dragger
                  accept=".csv,.xlsx"
                  multiple={false}
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void load(file);
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('import.upload.hint')}</p>
                  <p className="ant-upload-hint">{t('import.upload.formats')}</p>
                </Upload.Dragger>
              </div>
            </Spin>
          </Flex>
        )}
        {step === 1 && sheet && (
          <MappingStep
            fields={fieldColumns(spec, spec.fields)}
            mapHint={spec.text.mapHint}
            sheet={sheet}
            fileName={fileName}
            mapping={mapping}
            onChange={(next) => setMapping(next.map((field) => spec.fields.find((known) => known === field)))}
            problems={[
              ...unmapped.map((field) => t('import.map.required', { field: fieldLabel(field) })),
              ...duplicates.map((field) => t('import.map.duplicate', { field: fieldLabel(field) })),
            ]}
            onBack={reset}
            onNext={() => {
              setStep(2);
              setErrorsOnly(false);
              void run(true);
            }}
          />
        )}
        {step === 2 && sheet && (
          <Flex vertical gap={16}>
            {running ? (
              <Flex vertical align="center" gap={8} style={{ padding: 24 }}>
                <Spin />
                <Typography.Text type="secondary">{t('import.check.running')}</Typography.Text>
              </Flex>
            ) : runError ? (
              <Alert type="error" showIcon title={t('import.failed', { reason: runError })} />
            ) : (
              <Alert
                type={totals.error > 0 ? 'warning' : 'success'}
                showIcon
                title={t('import.check.summary', { ok: okCount, ...totals })}
                data-testid="import-check-summary"
                data-ok={okCount}
                data-error={totals.error}
              />
            )}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Checkbox checked={errorsOnly} onChange={(event) => setErrorsOnly(event.target.checked)}>
                {t('import.check.errorsOnly')}
              </Checkbox>
              <Flex gap={8}>
                <Button onClick={() => setStep(1)} disabled={running}>
                  {t('common.back')}
                </Button>
                <Button
                  type="primary"
                  disabled={running || okCount === 0 || Boolean(runError)}
                  onClick={() => {
                    setStep(3);
                    void run(false);
                  }}
                  data-testid="import-run"
                >
                  {t('import.run', { n: okCount })}
                </Button>
              </Flex>
            </Flex>
            {!running && okCount === 0 && !runError && <Alert type="error" title={t('import.check.allBad')} />}
            <PreviewTable
              nameLabel={spec.columns[spec.nameField].label}
              preview={fieldColumns(spec, spec.preview)}
              sheet={sheet}
              mapping={mapping}
              reports={reports}
              errorsOnly={errorsOnly}
              nameIndex={nameIndex}
              fieldLabel={fieldLabel}
            />
          </Flex>
        )}
        {step === 3 && (
          <Flex vertical gap={16} align="center" style={{ padding: 24 }}>
            <Progress
              type="circle"
              percent={progress.total === 0 ? 100 : Math.round((progress.batch / progress.total) * 100)}
              status={runError ? 'exception' : running ? 'active' : 'normal'}
              data-testid="import-progress"
            />
            <Typography.Text>
              {t('import.running', { batch: Math.max(progress.batch, 1), total: Math.max(progress.total, 1) })}
            </Typography.Text>
            {runError && (
              <>
                <Alert type="error" showIcon title={t('import.failed', { reason: runError })} />
                <Button onClick={() => setStep(4)}>{t('import.step.summary')}</Button>
              </>
            )}
          </Flex>
        )}
        {step === 4 && (
          <Flex vertical gap={24}>
            <Result
              status={totals.error > 0 ? 'warning' : 'success'}
              icon={totals.error > 0 ? undefined : <CheckCircleOutlined />}
              title={t('import.done')}
              subTitle={fileName}
              style={{ padding: '16px 0' }}
            />
            <Row gutter={16} data-testid="import-summary">
              {(['created', 'updated', 'unchanged', 'error'] as const).map((outcome) => (
                <Col span={6} key={outcome}>
                  <Card size="small">
                    <Statistic
                      title={t(`import.outcome.${outcome}`)}
                      value={totals[outcome]}
                      styles={{ content: { color: outcome === 'error' && totals.error > 0 ? '#cf1322' : undefined } }}
                      data-testid={`import-summary-${outcome}`}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Flex gap={8} justify="center">
              {totals.error > 0 && (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void downloadRejected()}
                  data-testid="import-rejected"
                >
                  {t('import.downloadRejected', { n: totals.error })}
                </Button>
              )}
              <Button icon={<ReloadOutlined />} onClick={reset} data-testid="import-again">
                {t('import.again')}
              </Button>
              <Button type="primary" onClick={() => navigate(listUrl)} data-testid="import-to-list">
                {t(spec.text.toList)}
              </Button>
            </Flex>
            {totals.error > 0 && sheet && (
              <PreviewTable
                nameLabel={spec.columns[spec.nameField].label}
                preview={fieldColumns(spec, spec.preview)}
                sheet={sheet}
                mapping={mapping}
                reports={reports}
                errorsOnly
                nameIndex={nameIndex}
                fieldLabel={fieldLabel}
              />
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
