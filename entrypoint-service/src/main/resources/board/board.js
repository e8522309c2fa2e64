'use strict';
// The supervisor board: one EventSource, a snapshot then changes (each item whole), applied to keyed rows so that
// a change touches only its own rows. No framework: the page is a few tables and must stay fast at 2,000 agents.

const CLAUSES = {
  NOT_LOGGED_IN: 'not logged in', NOT_ROUTABLE: 'not routable', NOT_READY: 'not ready',
  AT_TASK_LIMIT: 'at task limit', DOMAIN_UNAVAILABLE: 'domain unavailable',
  BUSY_NON_INTERRUPTIBLE_ELSEWHERE: 'non-interruptible task in another MRD', INTERRUPTED: 'interrupted by another MRD',
};
const ANSWERS = {0: '0 · chat can start', 1: '1 · no agent available', 2: '2 · queue full'};
const NO_GROUP = 'none';

const agents = new Map();        // icmAgentId -> AgentAvailability
const groups = new Map();        // skill group id -> {id, mrdId, counts}
const mrds = new Map();          // MRD id -> {id, counts}
const entryPoints = new Map();   // id -> EntryPointAnswer
const rows = new Map();          // `${mrdId}:${sg}|${agentId}` -> <tr>
const rowKeys = new Map();       // agentId -> the keys of its rows
const sections = new Map();      // `${mrdId}:${sg}` -> {section, tbody, counts}
const mrdSections = new Map();   // MRD id -> {section, counts, groups}
const sinceCells = new Set();    // cells showing time in state, refreshed each second
const stats = {snapshotMs: 0, lastChangeMs: 0, agentRows: 0, messages: 0, layoutShift: 0};
window.boardStats = stats;
// What a measurement reads: render times, rows, and the layout shift of live updates (none expected).
if (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) stats.layoutShift += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function countsText(c) {
  return `${c.loggedIn} logged in · ${c.routable} routable · ${c.ready} ready · ${c.available} available · ` +
    `${c.busy} busy · ${c.atTaskLimit} at task limit · ${c.activeTasks}/${c.taskLimit} tasks`;
}

function duration(since) {
  if (!since) return '';
  let s = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  return (h ? h + 'h ' : '') + String(m).padStart(h ? 2 : 1, '0') + 'm ' + String(s).padStart(2, '0') + 's';
}

function verdict(mrd) {
  return mrd.availableForNewTask ? 'available' : mrd.unavailableBecause.map(c => CLAUSES[c] || c).join(', ');
}

// --- MRD and skill group sections -------------------------------------------------------------------------------

function mrdSection(mrdId) {
  let s = mrdSections.get(mrdId);
  if (s) return s;
  const counts = el('p', {class: 'counts'});
  const section = el('section', {class: 'mrd', 'data-mrd': mrdId, 'aria-label': 'MRD ' + mrdId},
    el('h3', {}, 'MRD ' + mrdId), counts);
  s = {section, counts};
  mrdSections.set(mrdId, s);
  insertSorted(document.getElementById('domains'), section, 'mrd', mrdId);
  return s;
}

function groupSection(mrdId, sg) {
  const key = mrdId + ':' + sg;
  let s = sections.get(key);
  if (s) return s;
  const counts = el('p', {class: 'counts'});
  const tbody = el('tbody');
  const title = sg === NO_GROUP ? 'In no skill group' : 'Skill group ' + sg;
  const table = el('table', {},
    el('caption', {class: 'visually-hidden'}, title + ', agents'),
    el('thead', {}, el('tr', {}, ...['Agent', 'State', 'Routable', 'Ready', 'Tasks', 'In state for', 'Can take a chat?']
      .map(h => el('th', {scope: 'col'}, h)))),
    tbody);
  const section = el('section', {class: 'sg', 'data-sg': sg, 'data-sort': sg === NO_GROUP ? 1e12 : sg},
    el('h4', {}, title), counts, table);
  s = {section, tbody, counts};
  sections.set(key, s);
  insertSorted(mrdSection(mrdId).section, section, 'sort', sg === NO_GROUP ? 1e12 : Number(sg));
  return s;
}

function insertSorted(parent, child, attr, value) {
  for (const sibling of parent.children) {
    const v = Number(sibling.dataset[attr]);
    if (!Number.isNaN(v) && v > value) { parent.insertBefore(child, sibling); return; }
  }
  parent.append(child);
}

// --- agents -----------------------------------------------------------------------------------------------------

function agentRow(agent, mrd) {
  const name = agent.name ? agent.icmAgentId + ' ' + agent.name : String(agent.icmAgentId);
  const since = el('td', {class: 'since', 'data-since': mrd.stateSince || ''}, duration(mrd.stateSince));
  sinceCells.add(since);
  const unavailable = !mrd.availableForNewTask;
  return el('tr', {'data-agent': agent.icmAgentId, 'data-mrd': mrd.mrdId},
    el('td', {}, el('button', {class: 'link', type: 'button', onclick: () => showAgent(agent.icmAgentId)}, name)),
    el('td', {}, mrd.state.toLowerCase().replace(/_/g, ' ')),
    el('td', {}, mrd.routable ? 'yes' : 'no'),
    el('td', {}, mrd.ready ? 'yes' : 'no' + (mrd.notReadyReason ? ' (' + mrd.notReadyReason + ')' : '')),
    el('td', {class: 'tasks'}, mrd.activeTasks + ' / ' + mrd.taskLimit),
    since,
    el('td', {class: 'verdict ' + (unavailable ? 'unavailable' : 'available')}, verdict(mrd)));
}

function placeAgent(id, agent) {
  const wanted = new Map();
  for (const mrd of agent ? agent.mrds : []) {
    const ids = mrd.skillGroupIds.length ? mrd.skillGroupIds : [NO_GROUP];
    for (const sg of ids) wanted.set(mrd.mrdId + ':' + sg + '|' + id, [mrd, sg]);
  }
  for (const key of rowKeys.get(id) || []) {
    if (!wanted.has(key)) { const tr = rows.get(key); forget(tr); tr.remove(); rows.delete(key); }
  }
  if (wanted.size) rowKeys.set(id, new Set(wanted.keys())); else rowKeys.delete(id);
  for (const [key, [mrd, sg]] of wanted) {
    const tr = agentRow(agent, mrd);
    const old = rows.get(key);
    if (old) { forget(old); old.replaceWith(tr); } else insertSorted(groupSection(mrd.mrdId, sg).tbody, tr, 'agent', id);
    rows.set(key, tr);
  }
}

function forget(tr) {
  for (const cell of tr.querySelectorAll('.since')) sinceCells.delete(cell);
}

// --- counts and entry points ------------------------------------------------------------------------------------

function showGroup(g) {
  groups.set(g.id, g);
  groupSection(g.mrdId, g.id).counts.textContent = countsText(g.counts);
}

/** A skill group no partition counts any more: its section goes once no agent row is left in it. */
function dropGroup(id) {
  const g = groups.get(id);
  groups.delete(id);
  if (!g) return;
  const s = sections.get(g.mrdId + ':' + id);
  if (s && !s.tbody.children.length) { s.section.remove(); sections.delete(g.mrdId + ':' + id); }
}

function showMrd(m) {
  mrds.set(m.id, m);
  mrdSection(m.id).counts.textContent = 'Whole MRD: ' + countsText(m.counts);
}

function showEntryPoint(ep) {
  entryPoints.set(ep.id, ep);
  const tbody = document.querySelector('#entry-points tbody');
  const answer = ep.offHours ? 'off hours (1)' : ANSWERS[ep.responseType];
  const scope = ep.scope === 'MRD' ? 'MRD ' + ep.mrdId : 'skill groups ' + ep.skillGroupIds.join(', ');
  const tr = el('tr', {'data-entry-point': ep.id},
    el('td', {}, el('button', {class: 'link', type: 'button', onclick: () => showExplain(ep.id)},
      ep.id + ' ' + ep.name), el('br'), el('small', {}, scope)),
    el('td', {class: 'answer answer-' + ep.responseType, 'data-response-type': ep.responseType}, answer),
    el('td', {title: ep.why}, ep.why),
    el('td', {class: 'num'}, ep.queueDepth + (ep.maxQueueDepth ? ' / ' + ep.maxQueueDepth : '')),
    el('td', {class: 'num'}, String(ep.availableInScope)),
    el('td', {class: 'num'}, String(ep.busyInScope)));
  const old = tbody.querySelector(`tr[data-entry-point="${ep.id}"]`);
  if (old) old.replaceWith(tr); else insertSorted(tbody, tr, 'entryPoint', ep.id);
}

// --- the stream -------------------------------------------------------------------------------------------------

function apply(message) {
  const started = performance.now();
  if (message.type === 'snapshot') {
    // A snapshot is everything: start again from it (after a reconnect, what was gone meanwhile goes too).
    for (const map of [agents, groups, mrds, entryPoints, rows, rowKeys, sections, mrdSections]) map.clear();
    sinceCells.clear();
    document.getElementById('domains').replaceChildren();
    document.querySelector('#entry-points tbody').replaceChildren();
    loadMessages();
  }
  for (const g of message.skillGroups) showGroup(g);
  for (const m of message.mrds) showMrd(m);
  for (const id of message.skillGroupsGone) dropGroup(id);
  for (const id of message.mrdsGone) {
    mrds.delete(id);
    const s = mrdSections.get(id);
    if (s && !s.section.querySelector('tr[data-agent]')) { s.section.remove(); mrdSections.delete(id); }
  }
  for (const a of message.agents) { agents.set(a.icmAgentId, a); placeAgent(a.icmAgentId, a); }
  for (const id of message.agentsGone) { agents.delete(id); placeAgent(id, null); }
  for (const ep of message.entryPoints) showEntryPoint(ep);
  for (const id of message.entryPointsGone) {
    entryPoints.delete(id);
    document.querySelector(`#entry-points tr[data-entry-point="${id}"]`)?.remove();
  }
  if (message.messagesLeft) loadMessages();
  const ms = performance.now() - started;
  if (message.type === 'snapshot') stats.snapshotMs = ms; else if (message.type === 'changes') stats.lastChangeMs = ms;
  stats.agentRows = rows.size;
  const status = document.getElementById('connection');
  status.dataset.state = 'live';
  status.textContent = 'Live · ' + agents.size + ' agents · updated ' + new Date(message.at).toLocaleTimeString();
}

function connect() {
  const source = new EventSource('/board/stream');
  source.onmessage = e => apply(JSON.parse(e.data));
  source.onerror = () => {
    const status = document.getElementById('connection');
    status.dataset.state = 'reconnecting';
    status.textContent = 'Connection lost; reconnecting (the board reloads its snapshot when back)…';
    // The browser retries by itself unless the answer was an error (503 when full, 401): then we do, later.
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 5000);
  };
}

setInterval(() => { for (const cell of sinceCells) cell.textContent = duration(cell.dataset.since); }, 1000);

// --- details ----------------------------------------------------------------------------------------------------

async function fetchJson(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function openDetail(title, ...content) {
  const dialog = document.getElementById('detail');
  document.getElementById('detail-title').textContent = title;
  document.getElementById('detail-body').replaceChildren(...content);
  if (!dialog.open) dialog.showModal();
}

async function showAgent(id) {
  openDetail('Agent ' + id, el('p', {}, 'Rebuilding the agent from the topics…'));
  try {
    const d = await fetchJson('/board/agents/' + id);
    openDetail('Agent ' + id + ' at ' + d.at, el('h3', {}, 'rttest'), el('pre', {class: 'rttest'}, d.rttest),
      el('h3', {}, 'Last events'), el('pre', {class: 'events'}, d.lastEvents.join('\n')));
  } catch (e) {
    openDetail('Agent ' + id, el('p', {role: 'alert'}, String(e.message)));
  }
}

async function showExplain(id) {
  try {
    const e = await fetchJson('/board/entry-points/' + id + '/explain');
    const c = e.inScope;
    const rules = el('table', {class: 'rules'},
      el('caption', {class: 'visually-hidden'}, 'The rule table, first applying row decides'),
      el('thead', {}, el('tr', {}, ...['Rule row', 'Answer', 'Applies'].map(h => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, ...e.decision.rows.map(r => el('tr', {class: r.rule === e.decision.rule ? 'decided' : ''},
        el('td', {}, r.rule), el('td', {}, String(r.responseType)),
        el('td', {}, r.applies ? 'yes' : 'no')))));
    openDetail('Entry point ' + id + ' answers ' + e.answer.responseType + (e.answer.offHours ? ' (off hours)' : ''),
      el('p', {}, el('strong', {}, e.decision.rule), ': ' + e.decision.why),
      el('p', {}, `In scope (${e.scope}): ${c.loggedIn} logged in, ${c.routable} routable, ${c.ready} ready, ` +
        `${c.available} available, ${c.busy} busy, ${c.atTaskLimit} at task limit, ` +
        `${c.domainUnavailable} with the domain unavailable. Queue ${e.queue.depth}` +
        (e.queue.maxQueueDepth ? ' of ' + e.queue.maxQueueDepth : '') + '.'),
      rules,
      el('details', {}, el('summary', {}, 'The whole explanation (JSON)'),
        el('pre', {class: 'explain'}, JSON.stringify(e, null, 2))));
  } catch (e) {
    openDetail('Entry point ' + id, el('p', {role: 'alert'}, String(e.message)));
  }
}

async function loadMessages() {
  try {
    const list = await fetchJson('/board/messages?limit=100');
    stats.messages = list.length;
    document.querySelector('#messages tbody').replaceChildren(...list.map(m => el('tr', {'data-message': m.id},
      el('td', {}, new Date(m.receivedAt).toLocaleString()), el('td', {}, String(m.entryPointId)),
      el('td', {}, m.offHours ? 'off hours' : ANSWERS[m.responseType]), el('td', {}, m.name + ' <' + m.email + '>'),
      el('td', {class: 'message-text', title: m.text}, m.text))));
  } catch (e) {
    document.querySelector('#messages tbody').replaceChildren(el('tr', {}, el('td', {colspan: 5, role: 'alert'},
      'Messages could not be read: ' + e.message)));
  }
}

connect();
