import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryData, userData } from '../../public/js/local-data.js';
import { Outbox } from '../../public/js/outbox.js';
import { clearLocalDataForSignOut, waitingSummary } from '../../public/js/sign-out.js';

async function setup(entries) {
	const all = new MemoryData();
	const data = userData(all, 'alice');
	await data.put('view/x', { todos: [] });
	await userData(all, 'bob').put('lists', []);
	const outbox = new Outbox(data, entries);
	const writes = { connectivity: { retryNow() {} }, settled: async () => {} };
	return { all, data, outbox, writes };
}

describe('sign-out', () => {
	it('drops what the user kept in the browser, and only theirs, when nothing is waiting', async () => {
		const { all, data, outbox, writes } = await setup([]);
		const confirm = { ask: async () => assert.fail('nothing to ask') };
		assert.equal(await clearLocalDataForSignOut({ writes, outbox, data, confirm, wait: 1 }), true);
		assert.deepEqual(await all.keys(), ['bob/lists']);
	});

	it('lists what could not be sent and keeps everything when the user does not want to lose it', async () => {
		const entries = [
			{ id: 1, kind: 'create', key: 'pending-1', title: 'Buy milk', fields: { title: 'Buy milk' } },
			{ id: 2, kind: 'patch', key: 'a', title: 'Pay rent', patch: { completed: true } },
		];
		const { data, outbox, writes } = await setup(entries);
		const asked = [];
		const confirm = { ask: async (question) => (asked.push(question), false) };
		assert.equal(await clearLocalDataForSignOut({ writes, outbox, data, confirm, wait: 1 }), false);
		assert.match(asked[0].text, /^2 changes \(“Buy milk” added, “Pay rent” changed\) could not be saved yet/);
		assert.equal(outbox.count, 2);
		assert.ok(await data.get('view/x'));
		assert.equal(waitingSummary([{ kind: 'delete', title: 'Old' }]), '1 change (“Old” deleted)');
	});
});
