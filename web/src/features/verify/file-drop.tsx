import { Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useId, useState, type DragEvent } from 'react';
import { ACCEPT_ATTRIBUTE } from './verify-input';

type FileDropProps = { onFile: (file: File) => void; disabled?: boolean; describedBy?: string };

/** A file input that also takes a dropped file; the native input keeps it keyboard-usable. */
export function FileDrop({ onFile, disabled, describedBy }: FileDropProps) {
  const id = useId();
  const [isDragging, setIsDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setIsDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <label
      htmlFor={id}
      className="dropzone"
      data-dragging={isDragging}
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
    >
      <IconFileUpload size={40} stroke={1.5} color="var(--mantine-color-cairn-7)" aria-hidden />
      <Text fw={600}>Drop a credential file here, or choose one</Text>
      <Text size="sm" c="dimmed">
        .json, .jwt, or a badge image (.png, .svg) with the credential baked in. Up to 10 MB.
      </Text>
      <input
        id={id}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-label="Credential file"
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onFile(file);
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}
