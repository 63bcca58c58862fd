// A tiny element builder: every text goes in as text (textContent), never as markup.

/** h('td', {className: 'x'}, 'text', child, ...): an element with properties, attributes (data-*, aria-*) and children. */
export function h(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(properties || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role' || name === 'for' || name === 'scope') {
      element.setAttribute(name, value === true ? '' : value);
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else {
      element[name] = value;
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what a node shows. */
export function show(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** A table with a caption, header cells and rows of cells (each a text or an element). */
export function table(caption, headers, rows, className = 'cd-table') {
  return h('table', {className: `table table-striped ${className}`},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map(header => h('th', {scope: 'col'}, header)))),
    h('tbody', {}, rows.map(row => row instanceof Node ? row : h('tr', {}, row.map(cell => h('td', {}, cell))))));
}

/** A definition list of [term, value] pairs. */
export function facts(pairs) {
  return h('dl', {className: 'cd-facts'}, pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** Tabs: [{id, label, render(panel)}]; the first is open, the others render when first opened. */
export function tabs(name, entries) {
  const list = h('ul', {className: 'nav nav-tabs cd-tabs', role: 'tablist'});
  const panels = h('div', {className: 'cd-tab-panels'});
  const rendered = new Set();
  const open = entry => {
    for (const item of list.children) {
      const selected = item.dataset.tab === entry.id;
      item.classList.toggle('active', selected);
      item.firstChild.setAttribute('aria-selected', String(selected));
    }
    for (const panel of panels.children) {
      panel.hidden = panel.dataset.tab !== entry.id;
    }
    if (!rendered.has(entry.id)) {
      rendered.add(entry.id);
      entry.render(panels.querySelector(`[data-tab="${entry.id}"]`));
    }
  };
  for (const entry of entries) {
    list.appendChild(h('li', {'data-tab': entry.id, role: 'presentation'},
      h('a', {href: '', role: 'tab', 'data-tab-link': `${name}-${entry.id}`,
        onClick: event => { event.preventDefault(); open(entry); }}, entry.label)));
    panels.appendChild(h('div', {className: 'cd-tab-panel', role: 'tabpanel', 'data-tab': entry.id, hidden: true}));
  }
  if (entries.length) {
    open(entries[0]);
  }
  return h('div', {className: 'cd-tabset'}, list, panels);
}

/** Loads our style sheet into the page once. */
export function useStyles() {
  const href = new URL('complaint-desk.css', import.meta.url).href;
  if (!document.querySelector(`link[href="${href}"]`)) {
    document.head.appendChild(h('link', {rel: 'stylesheet', type: 'text/css', href}));
  }
}
