import {
  DISCIPLINES,
  disciplineLabels,
  ROLES,
  SOCIETY_TYPES,
  societyLifecycle,
  societyStatusLabels,
  societyTypeLabels,
} from '@society-hub/domain';
import { Tag } from 'antd';
import { formatDateTime } from '@/lib/format';
import { isMessageKey, useI18n } from '@/lib/i18n';
import type { AuditEntry } from '../api/types';

export const RESOURCE_TYPES = ['society', 'user', 'client', 'signing_key'] as const;

/** Action filters offered ready-made; the API takes an exact action or a prefix ending in `*`. */
export const ACTION_PRESETS = [
  'society.*',
  'society.create',
  'society.update',
  'society.transition.*',
  'society.delete',
  'user.*',
  'user.create',
  'user.update',
  'user.password_reset',
  'client.*',
  'client.create',
  'client.update',
  'client.secret_rotate',
  'signing_key.rotate',
] as const;

const actorColors: Record<AuditEntry['actor']['kind'], string> = { user: 'blue', client: 'purple', system: 'default' };

export function useAuditLabels() {
  const { t, label } = useI18n();
  return {
    action(action: string): string {
      const transition = /^society\.transition\.(\w+)$/.exec(action)?.[1];
      if (transition && societyLifecycle.isState(transition))
        return t('audit.action.society.transition', { to: label(societyStatusLabels[transition]) });
      const key = `audit.action.${action}`;
      return isMessageKey(key) ? t(key) : action;
    },
    preset(preset: string): string {
      if (preset.endsWith('.*')) {
        const key = `audit.preset.${preset.slice(0, -2)}`;
        return isMessageKey(key) ? t(key) : preset;
      }
      return this.action(preset);
    },
    /** A recorded value as the reader knows it: codes become labels, timestamps local time, flags 是/否. */
    value(resourceType: string, field: string, value: unknown): unknown {
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      if (typeof value !== 'string') return value;
      if (resourceType === 'society' && field === 'status' && societyLifecycle.isState(value))
        return label(societyStatusLabels[value]);
      const type = SOCIETY_TYPES.find((known) => known === value);
      if (resourceType === 'society' && field === 'type' && type) return label(societyTypeLabels[type]);
      const discipline = DISCIPLINES.find((known) => known === value);
      if (resourceType === 'society' && field === 'discipline' && discipline)
        return label(disciplineLabels[discipline]);
      const role = ROLES.find((known) => known === value);
      if (field === 'role' && role) return t(`role.${role}`);
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
      return value;
    },
    /** "学会：市化学化工学会" — the type, and the name when the entry carries one. */
    named(entry: AuditEntry): string {
      const type = this.resource(entry.resourceType);
      const name = resourceName(entry);
      return name ? t('audit.resourceNamed', { type, name }) : type;
    },
    resource(type: string): string {
      const key = `audit.resource.${type}`;
      return isMessageKey(key) ? t(key) : type;
    },
    /** A changed field's name in the reader's language, when the page knows it. */
    field(resourceType: string, field: string): string {
      const prefix =
        resourceType === 'society' ? 'society.field' : resourceType === 'client' ? 'client.field' : 'user.field';
      const key = `${prefix}.${field}`;
      if (isMessageKey(key)) return t(key);
      const common = `audit.field.${field}`;
      return isMessageKey(common) ? t(common) : field;
    },
  };
}

export function ActorTag({ actor }: { actor: AuditEntry['actor'] }) {
  const { t } = useI18n();
  return (
    <Tag color={actorColors[actor.kind]} style={{ marginInlineEnd: 0 }}>
      {t(`audit.actor.${actor.kind}`)}
    </Tag>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A person-readable name of the changed resource, taken from the entry itself (name, username or key id). */
export function resourceName(entry: AuditEntry): string | undefined {
  for (const side of [entry.after, entry.before]) {
    if (!isRecord(side)) continue;
    for (const field of ['name', 'displayName', 'username', 'kid']) {
      const value = side[field];
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  return undefined;
}

/** The actor's name, except the system's own placeholder, which the tag already says. */
export function actorName(actor: AuditEntry['actor']): string | undefined {
  if (actor.kind === 'system' && (actor.name === null || actor.name === 'system')) return undefined;
  return actor.name ?? undefined;
}
