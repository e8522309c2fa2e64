'use strict';
// A sample customer chat page for one entry point (?entryPoint=1001): it asks initialize, then follows the entry
// point's answer stream, so the chat button shows only while the answer is 0 and hides live when it turns 1 or 2.

const entryPoint = new URLSearchParams(location.search).get('entryPoint') || '1001';
const base = '/system/egain/chat/entrypoint/' + encodeURIComponent(entryPoint);
const answer = document.getElementById('answer');
const start = document.getElementById('start-chat');
const form = document.getElementById('leave-message');
let chatId = null;

function show(body) {
  const type = body.checkEligibility.responseType;
  answer.dataset.responseType = type;
  answer.dataset.offHours = body.offHours ? 'true' : 'false';
  if (body.offHours) {
    answer.textContent = body.offHoursMessage;
  } else if (type === 0) {
    answer.textContent = 'An agent can take your chat now.';
  } else if (type === 2) {
    answer.textContent = 'All our agents are busy and the queue is full right now.';
  } else {
    answer.textContent = 'No agent is available right now.';
  }
  start.hidden = type !== 0 || chatId !== null;
  form.hidden = type === 0 && !body.offHours;
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch (e) {
    return response.status + ' ' + response.statusText;
  }
}

async function initialize() {
  const response = await fetch('/system/egain/chat/entrypoint/initialize/' + encodeURIComponent(entryPoint));
  if (!response.ok) {
    answer.textContent = 'This chat is not available: ' + await problem(response);
    answer.setAttribute('role', 'alert');
    return;
  }
  show(await response.json());
  follow();
}

function follow() {
  const stream = new EventSource(base + '/answers');
  stream.onmessage = e => show(JSON.parse(e.data));
  // The browser retries by itself unless the answer was an error (503 when full): then we do, later.
  stream.onerror = () => { if (stream.readyState === EventSource.CLOSED) setTimeout(follow, 10000); };
}

start.addEventListener('click', async () => {
  start.disabled = true;
  const status = document.getElementById('chat-status');
  try {
    const response = await fetch(base + '/chats', {method: 'POST'});
    if (response.ok) {
      chatId = (await response.json()).chatId;
      start.hidden = true;
      status.textContent = 'Chat ' + chatId + ' started: an agent will be with you shortly.';
      status.dataset.chatId = chatId;
    } else {
      status.textContent = 'The chat could not start: ' + await problem(response);
    }
  } catch (e) {
    status.textContent = 'The chat could not start: ' + e.message;
  } finally {
    start.disabled = false;
  }
});

form.addEventListener('submit', async event => {
  event.preventDefault();
  const status = document.getElementById('message-status');
  const body = {name: form.name.value, email: form.email.value, text: form.text.value};
  let response;
  try {
    response = await fetch(base + '/messages', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)});
  } catch (e) {
    status.setAttribute('role', 'alert');
    status.textContent = 'Your message was not sent: ' + e.message;
    return;
  }
  if (response.ok) {
    const left = await response.json();
    status.removeAttribute('role');
    status.textContent = 'Thank you: your message was received (number ' + left.messageId + ').';
    status.dataset.messageId = left.messageId;
    form.reset();
  } else {
    status.setAttribute('role', 'alert');
    status.textContent = 'Your message was not sent: ' + await problem(response);
  }
});

initialize();
