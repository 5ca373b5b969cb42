import { checkProgramSettings, type Problem, type ProgramSettings } from '@society-hub/domain';
import { Form, type FormInstance, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useI18n } from '@/lib/i18n';
import { settingsProblemMessage } from '../explanations';
import { type ProgramFormValues, toSettings } from './values';

/** A field's live finding, as `Form.Item` props (shown in place of its own message). */
export type LiveStatus = { validateStatus?: 'error'; help?: string };

export interface ProgramChecks {
  settings: ProgramSettings;
  /** What the domain's check finds in the settings as typed (nothing once they are locked). */
  problems: Problem[];
  live: (...paths: string[]) => LiveStatus;
  /** The findings about a whole list (`/categories`, `/rubric`), one line each. */
  listProblems: (path: string) => ReactNode[];
}

/** The domain's program check run on every change, so the form says what is wrong before it is sent. */
export function useProgramChecks(
  form: FormInstance<ProgramFormValues>,
  initial: ProgramFormValues,
  locked: boolean,
): ProgramChecks {
  const i18n = useI18n();
  const watched = Form.useWatch((values: ProgramFormValues) => values, form);
  const settings = useMemo(() => toSettings(watched ?? initial), [watched, initial]);
  const problems = useMemo(() => (locked ? [] : checkProgramSettings(settings)), [settings, locked]);
  const say = (problem: Problem) => settingsProblemMessage(problem, settings, i18n);
  const live = (...paths: string[]): LiveStatus => {
    const problem = paths.map((path) => problems.find((p) => p.path === path)).find(Boolean);
    return problem ? { validateStatus: 'error', help: say(problem) } : {};
  };
  const listProblems = (path: string) =>
    problems
      .filter((p) => p.path === path)
      .map((p) => (
        <Typography.Text key={p.code} type="danger" data-testid={`problem${path.replace(/\//g, '-')}`}>
          {say(p)}
        </Typography.Text>
      ));
  return { settings, problems, live, listProblems };
}
