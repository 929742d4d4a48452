package dev.todo.bootstrap.archfixtures.domain.port.out;

public interface OutgoingPortUsingIncomingPort {
  dev.todo.bootstrap.archfixtures.domain.port.in.IncomingPortUsingOutgoingPort in();
}
