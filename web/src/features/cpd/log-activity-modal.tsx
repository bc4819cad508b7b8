import { FileInput, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormModal } from '../../components/form-modal';
import { useLogActivity } from './cpd-api';

type Values = {
  date: string;
  title: string;
  hours: number | '';
  category: 'structured' | 'self-directed';
  learned: string;
  application: string;
  evidenceLink: string;
  file: File | null;
};

/** Log an activity with its reflection: what I learned, how I will apply it, and evidence. */
export function LogActivityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const log = useLogActivity();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<Values>({
    initialValues: {
      date: today,
      title: '',
      hours: 1,
      category: 'self-directed',
      learned: '',
      application: '',
      evidenceLink: '',
      file: null,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Name the activity'),
      learned: (v) => (v.trim() ? null : 'Say what you learned'),
      application: (v) => (v.trim() ? null : 'Say how you will apply it'),
      hours: (v) => (v === '' || v <= 0 ? 'Log more than zero hours' : null),
    },
  });
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="Log an activity"
      form={form}
      submitLabel="Log activity"
      size="lg"
      onSubmit={async (v) => {
        await log.mutateAsync({
          date: v.date,
          title: v.title,
          hours: Number(v.hours),
          category: v.category,
          learned: v.learned,
          application: v.application,
          ...(v.evidenceLink.trim() ? { evidenceLink: v.evidenceLink.trim() } : {}),
          file: v.file,
        });
        form.reset();
        onClose();
      }}
    >
      <TextInput
        data-autofocus
        label="Activity"
        placeholder="A webinar, a book, a conference"
        {...form.getInputProps('title')}
      />
      <TextInput type="date" label="Date" max={today} {...form.getInputProps('date')} />
      <NumberInput label="Hours" min={0.25} max={1000} step={0.25} decimalScale={2} {...form.getInputProps('hours')} />
      <Select
        label="Category"
        data={[
          { value: 'self-directed', label: 'Self-directed' },
          { value: 'structured', label: 'Structured' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('category')}
      />
      <Textarea label="What I learned" autosize minRows={2} {...form.getInputProps('learned')} />
      <Textarea label="How I will apply it" autosize minRows={2} {...form.getInputProps('application')} />
      <TextInput label="Evidence link (optional)" placeholder="https://" {...form.getInputProps('evidenceLink')} />
      <FileInput
        label="Evidence file (optional)"
        description="PDF, an image, a text or Office file, up to 10 MB"
        clearable
        {...form.getInputProps('file')}
      />
    </FormModal>
  );
}
