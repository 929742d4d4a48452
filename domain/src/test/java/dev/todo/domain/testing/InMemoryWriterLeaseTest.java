package dev.todo.domain.testing;

import dev.todo.domain.port.out.WriterLease;

class InMemoryWriterLeaseTest extends WriterLeaseContract {

  private InMemoryWriterLease.Store store;

  @Override
  protected void newStore() {
    store = new InMemoryWriterLease.Store(clock());
  }

  @Override
  protected WriterLease lease(String holder) {
    return new InMemoryWriterLease(store, holder, TTL);
  }

  @Override
  protected WriterLease unreachableLease(String holder) {
    var down = new InMemoryWriterLease.Store(clock());
    down.goDown();
    return new InMemoryWriterLease(down, holder, TTL);
  }

  @Override
  protected void plantRawRecord(byte[] stored) {
    store.plantRawRecord(stored);
  }
}
