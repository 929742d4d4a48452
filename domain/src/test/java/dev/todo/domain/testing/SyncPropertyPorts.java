package dev.todo.domain.testing;

import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;

/** The use cases {@link SyncProperty} drives: of the fakes, or of the assembled service. */
public record SyncPropertyPorts(
    RecogniseUserUseCase users,
    ListsUseCase lists,
    SharingUseCase sharing,
    CreateTodoUseCase createTodo,
    UpdateTodoUseCase updateTodo,
    DeleteTodoUseCase deleteTodo,
    TrashUseCase trash,
    StepsUseCase steps,
    EraseAccountUseCase erasure,
    SyncUseCase sync) {}
