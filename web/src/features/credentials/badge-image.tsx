import { Center, Image } from '@mantine/core';
import { CairnMark } from '../../components/cairn-mark';

type BadgeImageProps = { src: string; alt: string; size: number; hasFailed: boolean; onFail: () => void };

/** The credential's badge image, or the Cairn mark when there is none to show. */
export function BadgeImage({ src, alt, size, hasFailed, onFail }: BadgeImageProps) {
  if (hasFailed) {
    return (
      <Center
        w={size}
        h={size}
        bg="var(--mantine-color-cairn-0)"
        style={{ borderRadius: 'var(--mantine-radius-md)', flexShrink: 0 }}
      >
        <CairnMark size={Math.round(size * 0.6)} title="No badge image; the Cairn mark" />
      </Center>
    );
  }
  return (
    <Image src={src} alt={alt} w={size} h={size} fit="contain" radius="md" onError={onFail} style={{ flexShrink: 0 }} />
  );
}
