// Text for people: counts, sizes, dates, what happened to their changes. No DOM access.

/** '1 item left' / '2 items left' (the number itself is rendered in <strong> by the view). */
export function itemsLeftWord(count) {
	return count === 1 ? 'item' : 'items';
}

/** 10485760 -> '10 MiB', 1536 -> '1.5 KiB', 12 -> '12 bytes'. */
export function formatBytes(bytes) {
	if (!Number.isFinite(bytes) || bytes < 0) return '';
	if (bytes === 1) return '1 byte';
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KiB', 'MiB', 'GiB'];
	let value = bytes;
	let unit = -1;
	do {
		value /= 1024;
		unit++;
	} while (value >= 1024 && unit < units.length - 1);
	const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
	return `${rounded} ${units[unit]}`;
}

/** The browser's own IANA time zone ('Europe/Berlin'); the API's "today" is taken in it (tz=). */
export function browserTimeZone() {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Today's date in a time zone (default: the browser's), 'YYYY-MM-DD', as the API counts it with tz=. */
export function todayIn(timeZone = browserTimeZone(), now = new Date()) {
	return dateIn(timeZone, now);
}

/** The calendar date `days` after today in a time zone, 'YYYY-MM-DD'. */
export function dayAfterToday(days, timeZone = browserTimeZone(), now = new Date()) {
	const [year, month, day] = dateIn(timeZone, now).split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function dateIn(timeZone, instant) {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
	const part = (type) => parts.find((each) => each.type === type).value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** 'overdue', 'today' or 'later' for an active to-do's due date; null without one. */
export function dueState(todo, today) {
	if (!todo.due_date || todo.completed) return null;
	if (todo.due_date < today) return 'overdue';
	if (todo.due_date === today) return 'today';
	return 'later';
}

const DATE_PARTS = Object.freeze({ day: 'numeric', month: 'short', year: 'numeric' });
const TIME_PARTS = Object.freeze({ hour: '2-digit', minute: '2-digit' });
const formatters = new Map();

/**
 * The one way the app writes a date for people: day, short month and year in the browser's locale
 * (its order, month names and separators: en-GB '20 Jan 2026', en-US 'Jan 20, 2026', de '20. Jan.
 * 2026'), with the time when asked ('20 Jan 2026, 11:30'). `value` is a calendar date 'YYYY-MM-DD'
 * (shown as that date, in no zone) or an instant (shown in `timeZone`, default the browser's);
 * `locale` is for tests (default: the browser's).
 */
export function formatDate(value, { time = false, timeZone = undefined, locale = undefined } = {}) {
	const calendarDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
	const zone = calendarDate ? 'UTC' : timeZone;
	const key = `${locale}|${zone}|${time}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(locale, { ...DATE_PARTS, ...(time ? TIME_PARTS : {}), timeZone: zone });
		formatters.set(key, formatter);
	}
	return formatter.format(new Date(calendarDate ? `${value}T00:00:00Z` : value));
}

/** A due date as its chip says it: 'Due 20 Jan 2026', 'Overdue: 14 Jan 2026', 'Due today' (dates by formatDate). */
export function formatDue(dueDate, state, locale = undefined) {
	const text = formatDate(dueDate, { locale });
	if (state === 'overdue') return `Overdue: ${text}`;
	if (state === 'today') return 'Due today';
	return `Due ${text}`;
}

/** 0.666 -> '67%'. */
export function formatRate(rate) {
	return `${Math.round((Number(rate) || 0) * 100)}%`;
}

/** A specific, human message for an API error, with what to do about it. */
export function describeError(error) {
	if (!error) return 'Something went wrong.';
	switch (error.code) {
		case 'NETWORK_ERROR':
			return 'The server could not be reached. Check your connection and retry.';
		case 'VALIDATION_ERROR': {
			const fields = Object.entries(error.details || {})
				.map(([field, messages]) => `${field.replace(/_/g, ' ')} ${[].concat(messages).join(', ')}`)
				.join('; ');
			return fields ? `The server refused the input: ${fields}.` : error.message;
		}
		case 'PAYLOAD_TOO_LARGE':
			return 'The file is larger than the server accepts.';
		case 'FORBIDDEN':
			return 'You may not change this (your account, or your role in this list, is read-only).';
		case 'SERVICE_UNAVAILABLE':
			return 'The service is busy or partly down. Retry in a moment.';
		case 'INTERNAL_ERROR':
			return 'The server failed unexpectedly.';
		default:
			return error.message || 'Something went wrong.';
	}
}

/** A short, quoted title for messages: at most 40 characters, the 40th an ellipsis. */
export function quoted(title) {
	const text = String(title ?? '');
	return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

const CHANGES = Object.freeze({
	add: 'added',
	complete: 'marked as done',
	activate: 'marked as active',
	rename: 'renamed',
	save: 'saved',
	change: 'changed',
	delete: 'deleted',
});

/** A refused change of one to-do, which was undone: '“Buy milk” could not be renamed.' */
export function changeFailedMessage(title, change) {
	return `${quoted(title)} could not be ${CHANGES[change]}.`;
}

export function loadFailedMessage() {
	return 'Your to-dos could not be loaded.';
}

/** A to-do deleted elsewhere, dropped from the list. */
export function todoGoneMessage(title) {
	return `${quoted(title)} no longer exists; it was removed from the list.`;
}

/** 412: the to-do was changed elsewhere; its latest version is shown instead of the user's change. */
export function changedElsewhereMessage(title) {
	return `${quoted(title)} was changed elsewhere (another tab or device). The latest version is shown; your change was not applied.`;
}

/**
 * How long ago an instant was, for people: 'just now', '3 min ago', '2 h ago', 'yesterday',
 * '4 days ago', then 'on 12 Jan 2026' (formatDate, in the given zone, default the browser's).
 */
export function timeAgo(timestamp, now = Date.now(), timeZone = undefined, locale = undefined) {
	const then = new Date(timestamp).getTime();
	const seconds = Math.max(0, (now - then) / 1000);
	if (seconds < 45) return 'just now';
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	if (days < 2) return 'yesterday';
	if (days < 7) return `${days} days ago`;
	return `on ${formatDate(then, { timeZone, locale })}`;
}
