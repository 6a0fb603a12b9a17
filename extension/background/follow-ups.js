/* Recording a sent follow-up so that it happens exactly once, even if the backend is down
 * when the user clicks Send: the request is kept in chrome.storage (the worker may sleep at
 * any moment) and retried with the SAME Idempotency-Key, which the backend replays rather
 * than records twice. */
import * as api from './api.js';

const QUEUE_KEY = 'pendingFollowUps';
const ALARM = 'retry-follow-ups';
const BACKOFF_MS = [400, 1200]; // quick retries while the user is still looking
const RETRY_EVERY_MIN = 1; // then once a minute until the backend answers
const KEEP_DAYS = 30; // a follow-up nobody could record after a month is dropped
// Failures worth retrying: the request may not have arrived, or may arrive later.
const RETRYABLE = new Set(['backend_down', 'timeout', 'server_error', 'not_paired', 'bad_answer']);

let queueLock = Promise.resolve();

/** Run fn(queue) -> newQueue with no other queue update in between. */
function updateQueue(fn) {
  const run = queueLock.then(async () => {
    const stored = await chrome.storage.local.get(QUEUE_KEY);
    const next = fn(stored[QUEUE_KEY] || []);
    await chrome.storage.local.set({ [QUEUE_KEY]: next });
    return next;
  });
  queueLock = run.catch(() => undefined);
  return run;
}

function isRetryable(error) {
  return RETRYABLE.has(error.code) || error.status === 429 || error.status === 408;
}

function post(item) {
  return api.request('POST', `/api/v1/interviews/${item.interviewId}/follow-ups`, {
    json: { sent_on: item.sentOn },
    headers: { 'Idempotency-Key': item.key },
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Record one follow-up: persist, then try now with a few quick retries, else leave it queued. */
async function record(item) {
  const entry = { interviewId: item.interviewId, sentOn: item.sentOn, key: item.key, queuedAt: Date.now() };
  await updateQueue((queue) => (queue.some((q) => q.key === entry.key) ? queue : [...queue, entry]));
  let answer = await post(entry);
  for (const wait of BACKOFF_MS) {
    // A stuck backend already cost 5 s: keep it queued now, so the user hears within 6 s.
    if (answer.ok || !isRetryable(answer.error) || answer.error.code === 'timeout') break;
    await sleep(wait);
    answer = await post(entry);
  }
  if (answer.ok || !isRetryable(answer.error)) {
    await updateQueue((queue) => queue.filter((q) => q.key !== entry.key));
    return answer.ok ? { ok: true, data: { recorded: true, queued: false, interview: answer.data } } : answer;
  }
  await chrome.alarms.create(ALARM, { periodInMinutes: RETRY_EVERY_MIN });
  return { ok: true, data: { recorded: false, queued: true, error: answer.error } };
}

/** Try every queued follow-up once; stop the alarm when none is left. */
async function flush() {
  const stored = await chrome.storage.local.get(QUEUE_KEY);
  const done = new Set();
  const cutoff = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
  for (const entry of stored[QUEUE_KEY] || []) {
    if (entry.queuedAt < cutoff) {
      done.add(entry.key);
      continue;
    }
    const answer = await post(entry);
    if (answer.ok || !isRetryable(answer.error)) done.add(entry.key);
    else if (answer.error.code === 'backend_down' || answer.error.code === 'timeout') break; // no use asking again right now
  }
  const left = await updateQueue((queue) => queue.filter((q) => !done.has(q.key)));
  if (left.length === 0) await chrome.alarms.clear(ALARM);
  return left.length;
}

/** The follow-ups waiting to be recorded (for the popup, and for tests). */
async function pending() {
  const stored = await chrome.storage.local.get(QUEUE_KEY);
  return stored[QUEUE_KEY] || [];
}

export { record, flush, pending, ALARM };
