import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useI18n } from '@/lib/i18n';
import type { Attachment } from '../api/types';

/** One attachment as the form edits it: the size in KB, and the exact byte count it was loaded with. */
export interface AttachmentValues {
  name?: string;
  sizeKb?: number | null;
  note?: string;
  /** The stored size, kept so that saving a draft unchanged does not round it through KB. */
  bytes?: number;
}

const KB = 1024;

/** KB to one decimal, as the form shows a stored size. */
function kilobytes(bytes: number): number {
  return Math.round((bytes / KB) * 10) / 10;
}

export function attachmentValues(attachments: readonly Attachment[]): AttachmentValues[] {
  return attachments.map((a) => ({
    name: a.name,
    sizeKb: a.sizeBytes === undefined ? null : kilobytes(a.sizeBytes),
    note: a.note ?? '',
    ...(a.sizeBytes === undefined ? {} : { bytes: a.sizeBytes }),
  }));
}

/** The form's rows as the API's metadata; rows left entirely blank are dropped. */
export function attachmentsOf(values: (AttachmentValues | undefined)[] | undefined): Attachment[] {
  return (values ?? []).flatMap((row) => {
    const name = row?.name?.trim() ?? '';
    const note = row?.note?.trim() ?? '';
    const size = row?.sizeKb;
    if (!name && !note && (size === null || size === undefined)) return [];
    const sizeBytes =
      size === null || size === undefined
        ? undefined
        : row?.bytes !== undefined && kilobytes(row.bytes) === size
          ? row.bytes
          : Math.round(size * KB);
    return [{ name, ...(sizeBytes === undefined ? {} : { sizeBytes }), ...(note ? { note } : {}) }];
  });
}

/**
 * 附件清单 in the application form: the name, size and a note of each supporting document. Only the
 * list is kept (SPEC §3: attachments' metadata); the documents themselves go in as the call says.
 */
export function AttachmentsEditor() {
  const { t } = useI18n();
  return (
    <Form.List name="attachments">
      {(fields, { add, remove }) => (
        <Flex vertical data-testid="attachments">
          {fields.length > 0 && (
            <Row gutter={8} style={{ marginBottom: 4 }}>
              <Col span={9}>
                <Typography.Text type="secondary">{t('funding.attachments.name')}</Typography.Text>
              </Col>
              <Col span={5}>
                <Typography.Text type="secondary">{t('funding.attachments.size')}</Typography.Text>
              </Col>
              <Col span={8}>
                <Typography.Text type="secondary">{t('funding.attachments.note')}</Typography.Text>
              </Col>
            </Row>
          )}
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={9}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
                        const row: AttachmentValues | undefined = getFieldValue(['attachments', field.name]);
                        const rest = Boolean(row?.note?.trim()) || (row?.sizeKb !== null && row?.sizeKb !== undefined);
                        if (!value?.trim() && rest) throw new Error(t('funding.attachments.nameRequired'));
                      },
                    }),
                  ]}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('funding.attachments.namePlaceholder')}
                    aria-label={t('funding.attachments.nameOf', { n: index + 1 })}
                  />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'sizeKb']}>
                  <InputNumber<number>
                    min={0}
                    max={10_000_000}
                    precision={1}
                    suffix="KB"
                    style={{ width: '100%' }}
                    aria-label={t('funding.attachments.sizeOf', { n: index + 1 })}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'note']}>
                  <Input maxLength={500} aria-label={t('funding.attachments.noteOf', { n: index + 1 })} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                />
              </Col>
            </Row>
          ))}
          <div>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', sizeKb: null, note: '' })}
              disabled={fields.length >= 30}
              data-testid="attachments-add"
            >
              {t('funding.attachments.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
