import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { applyProblemToForm, problemToFormErrors, toFormPath } from './form-errors';

describe('form errors', () => {
  it('normalises server field paths to form paths', () => {
    expect(toFormPath('email')).toBe('email');
    expect(toFormPath('body.email')).toBe('email');
    expect(toFormPath('/roles/0')).toBe('roles.0');
    expect(toFormPath('roles[1]')).toBe('roles.1');
  });

  it('puts known fields on the form and keeps the rest for an alert', () => {
    const error = new ApiError({
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'body.slug', message: 'Taken.' },
        { field: 'roles/0', message: 'Unknown role.' },
        { field: 'captcha', message: 'Missing.' },
      ],
    });
    expect(problemToFormErrors(error, ['name', 'slug', 'roles'])).toEqual({
      fieldErrors: { slug: 'Taken.', roles: 'Unknown role.' },
      rest: ['captcha: Missing.'],
    });
  });

  it('sets field errors and returns no banner when every error has a field', () => {
    const form = { setErrors: vi.fn(), getValues: () => ({ email: '', password: '' }) };
    const error = new ApiError({
      title: 'Conflict',
      status: 409,
      detail: 'Email taken',
      errors: [{ field: 'email', message: 'Already registered.' }],
    });
    expect(applyProblemToForm(form, error)).toBeNull();
    expect(form.setErrors).toHaveBeenCalledWith({ email: 'Already registered.' });
  });

  it('returns the detail for problems without field errors', () => {
    const form = { setErrors: vi.fn(), getValues: () => ({ email: '' }) };
    const error = new ApiError({ title: 'Too many requests', status: 429, detail: 'Wait a minute and try again.' });
    expect(applyProblemToForm(form, error)).toBe('Wait a minute and try again.');
    expect(form.setErrors).toHaveBeenCalledWith({});
  });
});
