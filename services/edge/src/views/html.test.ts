import { escapeHtml, html, query, raw } from './html';

describe('html templates', () => {
  it('escapes every interpolated string', () => {
    const name = `<script>alert("x")</script> & 'y' \`z\``;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;</p>',
    );
  });

  it('keeps nested templates and raw markup, escapes array items', () => {
    const items = ['a<b', 'c'];
    const out = html`<ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>
      ${raw('<hr>')}`;
    // The source template is laid out by the formatter; only whitespace between tags differs.
    expect(out.value.replace(/>\s+</g, '><')).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${true}`.value).toBe('0true');
  });

  it('leaves Vietnamese letters alone', () => {
    expect(escapeHtml('Phường Phúc Xá')).toBe('Phường Phúc Xá');
  });

  it('builds query strings from defined values only', () => {
    expect(query({ date: '2025-07-01', q: 'phúc xá', empty: '', none: undefined })).toBe(
      '?date=2025-07-01&q=ph%C3%BAc+x%C3%A1',
    );
    expect(query({})).toBe('');
  });
});
