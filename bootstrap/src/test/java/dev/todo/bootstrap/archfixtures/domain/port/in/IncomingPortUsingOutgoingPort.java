package dev.todo.bootstrap.archfixtures.domain.port.in;

public interface IncomingPortUsingOutgoingPort {
  dev.todo.bootstrap.archfixtures.domain.port.out.OutgoingPortUsingIncomingPort out();
}
