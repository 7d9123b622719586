import { describe, expect, it } from 'vitest';
import { purgeCss, type Source, sourceWords, subsetSprite } from './trim';

const tsx = (raw: string): Source => ({ file: 'Page.tsx', raw, extension: 'tsx' });

describe('sourceWords', () => {
  it('takes the words of the source, as class names may be any of them', () => {
    expect(sourceWords('<div className="col-12 col-md-4">')).toEqual(
      expect.arrayContaining(['div', 'className', 'col-12', 'col-md-4']),
    );
  });

  it("adds the classes design-react-kit derives from a component's props", () => {
    const words = sourceWords('<Button color="primary" outline size="lg" />');
    expect(words).toEqual(expect.arrayContaining(['btn-primary', 'btn-outline-primary', 'btn-lg']));
    expect(sourceWords('<Alert color="success">')).toContain('alert-success');
  });
});

describe('purgeCss', () => {
  const css = [
    '.btn{padding:1rem}',
    '.btn-primary{color:blue}',
    '.btn-secondary{color:grey}',
    '.active{font-weight:700}',
    '.alert-danger{color:red}',
    '.vjs-icon{font-family:VideoJS}',
    '@font-face{font-family:VideoJS;src:url(x.woff)}',
    '@keyframes spin{to{transform:rotate(1turn)}}',
    '.spinner{animation:spin 1s}',
  ].join('');

  it('keeps the rules the source names and the classes set at run time, nothing else', async () => {
    const kept = await purgeCss(css, [tsx('<Button className="btn" color="primary" />')]);
    expect(kept).toContain('.btn{');
    expect(kept).toContain('.btn-primary{');
    expect(kept).toContain('.active{'); // NavLink's
    expect(kept).toContain('.alert-danger{'); // `alert-${kind}`
    expect(kept).not.toContain('.btn-secondary');
    expect(kept).not.toContain('.spinner');
  });

  it("keeps a selector of pseudo-classes only, which matches any element (Bootstrap Italia's focus ring)", async () => {
    const ring = ':focus:not([data-focus-mouse=true]){box-shadow:0 0 0 5px #000}';
    await expect(purgeCss(ring, [tsx('<p>')])).resolves.toContain(':focus:not([data-focus-mouse=true])');
    await expect(purgeCss('.btn-secondary:focus{color:red}', [tsx('<p>')])).resolves.toBe('');
  });

  it("keeps the rules on what design-react-kit's focus tracking sets at run time", async () => {
    const mouse = '[data-focus-mouse=true]:not(.btn){box-shadow:none}.focus--mouse{outline:none}';
    await expect(purgeCss(mouse, [tsx('<p>')])).resolves.toBe(mouse);
  });

  it('drops the fonts and animations that no kept rule uses', async () => {
    const kept = await purgeCss(css, [tsx('<p className="btn">')]);
    expect(kept).not.toContain('VideoJS');
    expect(kept).not.toContain('@keyframes');
  });
});

describe('subsetSprite', () => {
  const sprite =
    '<svg xmlns="http://www.w3.org/2000/svg">' +
    '<symbol id="it-user" viewBox="0 0 24 24"><path d="M1"/></symbol>' +
    '<symbol id="it-pa" viewBox="0 0 24 24"><path d="M2"/></symbol>' +
    '<symbol id="it-android" viewBox="0 0 24 24"><path d="M3"/></symbol>' +
    '</svg>';

  it('keeps the symbols whose names the source writes', () => {
    const { svg, missing } = subsetSprite(sprite, [
      tsx(`<Icon name="it-user" /> icon: 'it-pa', lang="it-IT"`),
    ]);
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg">' +
        '<symbol id="it-user" viewBox="0 0 24 24"><path d="M1"/></symbol>' +
        '<symbol id="it-pa" viewBox="0 0 24 24"><path d="M2"/></symbol>' +
        '</svg>',
    );
    expect(missing).toEqual([]);
  });

  it('names the icons the source asks for that the sprite lacks', () => {
    expect(subsetSprite(sprite, [tsx('<Icon name="it-no-such-icon" />')]).missing).toEqual([
      'it-no-such-icon',
    ]);
  });
});
