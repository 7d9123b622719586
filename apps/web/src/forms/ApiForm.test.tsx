import { type ReactElement, isValidElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ApiForm } from './ApiForm';
import { Unreachable } from './Unreachable';
import type { FormError, FormErrors } from './useServerErrors';

function errorsOf(all: FormError[], unreachable = false): FormErrors {
  const noop = () => undefined;
  return { all, byField: {}, unreachable, version: 0, show: noop, showApiError: () => [], clear: noop };
}

const render = (errors: FormErrors) =>
  renderToStaticMarkup(
    <ApiForm errors={errors} onSubmit={() => undefined} className="readable" aria-labelledby="title">
      <button type="submit">Invia</button>
    </ApiForm>,
  );

describe('ApiForm', () => {
  it('renders only the form, without browser validation and with the props passed on', () => {
    expect(render(errorsOf([]))).toBe(
      '<form novalidate="" class="readable" aria-labelledby="title"><button type="submit">Invia</button></form>',
    );
  });

  it('puts the error summary, then the form', () => {
    const html = render(errorsOf([{ fieldId: 'name', message: 'Scrivi il nome' }]));
    expect(html.indexOf('error-summary')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('href="#name"')).toBeLessThan(html.indexOf('<form'));
    expect(html).not.toContain('alert-warning');
  });

  it('offers the retry above the form when the api was unreachable', () => {
    const html = render(errorsOf([], true));
    expect(html).not.toContain('error-summary');
    expect(html.indexOf('alert alert-warning')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('alert alert-warning')).toBeLessThan(html.indexOf('<form'));
  });

  it('sends on submit, the browser submit prevented, and on the retry', () => {
    const onSubmit = vi.fn();
    // ApiForm has no hooks: its elements can be read without rendering.
    const frame = ApiForm({ errors: errorsOf([], true), onSubmit }) as ReactElement<{ children: unknown[] }>;
    const [, retry, form] = frame.props.children as ReactElement[];
    if (!isValidElement(retry) || retry.type !== Unreachable) throw new Error('no retry');
    if (!isValidElement(form) || form.type !== 'form') throw new Error('no form');
    const preventDefault = vi.fn();
    (form.props as { onSubmit: (event: unknown) => void }).onSubmit({ preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    (retry.props as { onRetry: () => void }).onRetry();
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });
});
