// Small DOM helpers shared by the views. User text goes in through textContent only.

/** A new element with a class and attributes. */
export function element(tag, className, attributes = {}) {
	const node = document.createElement(tag);
	if (className) node.className = className;
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	return node;
}

/** A new element holding text. */
export function textElement(tag, className, text, attributes = {}) {
	const node = element(tag, className, attributes);
	node.textContent = text;
	return node;
}

/** Shows a message in an alert paragraph, or hides it (null). */
export function showMessage(paragraph, message) {
	paragraph.hidden = !message;
	paragraph.textContent = message ?? '';
}
