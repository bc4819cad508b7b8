import { Box, Image } from '@mantine/core';
import { useState } from 'react';
import { CairnMark } from '../../components/cairn-mark';

/** A programme's image, or the Cairn mark on a soft tile when it has none (or it fails). */
export function ProgrammeImage({ src, size }: { src: string | null; size: number }) {
  const [hasFailed, setHasFailed] = useState(false);
  if (src && !hasFailed) {
    return (
      <Image
        src={src}
        alt=""
        w={size}
        h={size}
        fit="cover"
        radius="md"
        onError={() => setHasFailed(true)}
        style={{ flexShrink: 0 }}
      />
    );
  }
  return (
    <Box
      w={size}
      h={size}
      bg="cairn.0"
      style={{ borderRadius: 'var(--mantine-radius-md)', display: 'grid', placeItems: 'center', flexShrink: 0 }}
      aria-hidden
    >
      <CairnMark size={Math.round(size * 0.55)} />
    </Box>
  );
}
