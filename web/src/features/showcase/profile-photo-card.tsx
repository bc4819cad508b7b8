import { Avatar, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { RequestError } from '../../components/request-error';
import { initialsOf } from './initials';
import { useRemoveProfilePhoto, useSetProfilePhoto, type MyProfile } from './showcase-api';
import { Section } from '../../components/section';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The profile photo on `/me/profile`: upload (PNG or JPEG, at most 5 MB) or remove; initials without one. */
export function ProfilePhotoCard({ profile, name }: { profile: MyProfile; name: string }) {
  const setPhoto = useSetProfilePhoto();
  const removePhoto = useRemoveProfilePhoto();
  const [fileError, setFileError] = useState<string | null>(null);
  const hasProfile = profile.handle !== null;

  const onFile = async (file: File | null) => {
    setFileError(null);
    removePhoto.reset();
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type) && !/\.(png|jpe?g)$/i.test(file.name)) {
      setFileError('Choose a PNG or JPEG image.');
      return;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      setFileError('The image is larger than 5 MB.');
      return;
    }
    try {
      await setPhoto.mutateAsync(file);
      notifications.show({ color: 'teal', message: 'Photo saved.' });
    } catch (error) {
      setFileError(errorMessage(error));
    }
  };

  return (
    <Section frame="card" gap="md" title="Photo" titleId="profile-photo-title">
      <Group gap="lg" align="center">
        {profile.photoUrl ? (
          <Avatar src={profile.photoUrl} size={88} radius="xl" alt="Your profile photo" />
        ) : (
          <Avatar size={88} radius="xl" color="cairn" aria-hidden>
            {initialsOf(name)}
          </Avatar>
        )}
        <Stack gap="xs">
          {hasProfile ? (
            <Text size="sm" c="dimmed">
              {profile.photoUrl
                ? 'Shown wherever your profile can be seen. Without a photo, your initials are shown.'
                : 'No photo yet: your profile shows your initials. PNG or JPEG, at most 5 MB.'}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Save your profile first, then add a photo.
            </Text>
          )}
          <Group gap="xs">
            <FileInput
              aria-label={profile.photoUrl ? 'Replace your profile photo' : 'Upload a profile photo'}
              placeholder={profile.photoUrl ? 'Replace your profile photo' : 'Upload a profile photo'}
              accept="image/png,image/jpeg"
              value={null}
              onChange={(f) => void onFile(f)}
              disabled={!hasProfile || setPhoto.isPending}
              error={fileError}
              size="sm"
              w={220}
            />
            {profile.photoUrl ? (
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                loading={removePhoto.isPending}
                onClick={() => {
                  setFileError(null);
                  removePhoto.mutate(undefined, {
                    onSuccess: () => notifications.show({ color: 'teal', message: 'Photo removed.' }),
                  });
                }}
              >
                Remove photo
              </Button>
            ) : null}
          </Group>
          <RequestError error={removePhoto.error} />
        </Stack>
      </Group>
    </Section>
  );
}
