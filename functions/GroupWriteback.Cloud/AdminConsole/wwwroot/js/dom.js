// Builds elements from data without ever parsing it as HTML: group names and messages come from outside.
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// A table with a caption and column headers; rows are arrays of cells (text, nodes, or { value, class }).
export function table(caption, headers, rows, empty = 'Nothing to show.') {
  if (rows.length === 0) return h('p', { class: 'muted' }, `${caption}: ${empty}`);
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col', class: header.num ? 'num' : null }, header.label ?? header)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => {
      const plain = cell !== null && typeof cell === 'object' && !(cell instanceof Node) && !Array.isArray(cell);
      return h(i === 0 && headers[0]?.rowHeader ? 'th' : 'td',
        { class: plain ? cell.class : headers[i]?.num ? 'num' : null, scope: i === 0 && headers[0]?.rowHeader ? 'row' : null },
        plain ? cell.value : cell);
    })))));
}

export function badge(text) {
  return text ? h('span', { class: `badge ${text}` }, text) : '';
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(p => p).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

export function notice(text, error = false) {
  const element = document.getElementById('notice');
  element.textContent = text ?? '';
  element.classList.toggle('error', error);
}

// Replaces an element's content; as in h(), null and false are left out and arrays are spread.
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}
