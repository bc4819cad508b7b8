import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ProfilePhotoCard } from './profile-photo-card';
import type { MyProfile } from './showcase-api';

afterEach(() => vi.unstubAllGlobals());

const saved: MyProfile = {
  handle: 'lena-park',
  isPublic: true,
  isNameShown: false,
  isCpdShown: false,
  headline: '',
  photoUrl: null,
  credentialIds: [],
  url: 'http://localhost:3000/p/lena-park',
};
const photoUrl = 'http://localhost:3000/api/v1/profiles/lena-park/photo?v=1';
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());
const fileInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('ProfilePhotoCard', () => {
  it('shows initials, uploads a PNG as multipart "file", and refuses other types before sending', async () => {
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(
        Response.json(
          urlOf(input).includes('/me/profile/photo') && init?.method === 'PUT' ? { ...saved, photoUrl } : saved,
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ applyAccept: false });
    const { container } = renderWithProviders(<ProfilePhotoCard profile={saved} name="Lena Park" />);
    expect(screen.getByText('LP')).toBeInTheDocument();

    await user.upload(fileInput(container), new File(['GIF89a'], 'me.gif', { type: 'image/gif' }));
    expect(await screen.findByText('Choose a PNG or JPEG image.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.upload(fileInput(container), new File([new Uint8Array([0x89, 0x50])], 'me.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [input, init] = fetchMock.mock.calls[0]!;
    expect(urlOf(input)).toMatch(/\/api\/v1\/me\/profile\/photo$/);
    const body = (input instanceof Request ? await input.formData() : (init?.body as FormData)).get('file');
    expect(body).toBeInstanceOf(File);
    expect((body as File).name).toBe('me.png');
  });

  it('shows the photo and offers its removal', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<ProfilePhotoCard profile={{ ...saved, photoUrl }} name="Lena Park" />);
    expect(screen.getByRole('img', { name: 'Your profile photo' })).toHaveAttribute('src', photoUrl);
    expect(screen.getByRole('button', { name: 'Remove photo' })).toBeInTheDocument();
  });

  it('asks for the profile to be saved before a photo', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<ProfilePhotoCard profile={{ ...saved, handle: null, url: null }} name="Lena Park" />);
    expect(screen.getByText('Save your profile first, then add a photo.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload a profile photo' })).toBeDisabled();
  });
});
