package dev.todo.domain.testing;

import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.DomainException;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.UserNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The permission rules of a shared list as one table: every operation on a list, its members,
 * invites, to-dos, attachments, steps, trash and activity × every kind of caller → the answer the
 * contract gives (api.md, "Sharing", "To-dos in lists", "Trash", "Steps", "Activity and audit").
 * Each level runs the same table its own way: the application over the fakes, the REST adapter over
 * HTTP on the fakes, the system over HTTP on SQLite.
 *
 * <p>Each cell starts from the same state ({@link PermissionMatrixState}).
 */
public final class PermissionMatrix {

  private PermissionMatrix() {}

  /** The kinds of caller, in the order of each operation's answers. */
  public enum Who {
    NON_MEMBER("zed"),
    VIEWER("bob"),
    EDITOR("erin"),
    OWNER("alice"),
    ADMIN("root", "admin"),
    READONLY("ro", "readonly"),
    REMOVED("gone");

    public final String subject;
    public final List<String> roles;

    Who(String subject, String... roles) {
      this.subject = subject;
      this.roles = List.of(roles);
    }
  }

  /**
   * The answer the contract gives: a status, and for a refusal its error code and the domain
   * exception that carries it to the REST adapter.
   */
  public record Answer(int status, String code) {

    private static final Map<String, Class<? extends DomainException>> EXCEPTIONS =
        Map.of(
            "LIST_NOT_FOUND", ListNotFoundException.class,
            "TODO_NOT_FOUND", TodoNotFoundException.class,
            "USER_NOT_FOUND", UserNotFoundException.class,
            "FORBIDDEN", ForbiddenException.class,
            "CONFLICT", ConflictException.class);

    public boolean succeeds() {
      return status < 300;
    }

    /** What the use case throws for this answer; only for a refusal. */
    public Class<? extends DomainException> exception() {
      return EXCEPTIONS.get(code);
    }

    @Override
    public String toString() {
      return succeeds() ? String.valueOf(status) : status + " " + code;
    }
  }

  /** An HTTP request with placeholders: see {@link Ids#render}. */
  public record Request(String method, String path, String contentType, String body) {}

  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  public static final String BOUNDARY = "matrix-boundary";
  public static final String UPLOADED_NAME = "receipt.txt";
  public static final String UPLOADED_TEXT = "paid";
  private static final String MULTIPART =
      "--"
          + BOUNDARY
          + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
          + UPLOADED_NAME
          + "\"\r\nContent-Type: text/plain\r\n\r\n"
          + UPLOADED_TEXT
          + "\r\n--"
          + BOUNDARY
          + "--\r\n";

  /**
   * Every operation: how it is sent over HTTP, the code of "not found" for it, and the answers per
   * {@link Who}, in that order: non-member, viewer, editor, owner, admin, read-only editor, removed
   * member. An answer is a status, with its code when it is not the operation's usual one (403
   * {@code FORBIDDEN}, 404 the operation's "not found", 409 {@code CONFLICT}).
   */
  public enum Operation {
    // the list itself
    READ_LIST(get("/lists/{list}"), LIST, "404, 200, 200, 200, 200, 200, 404"),
    RENAME_LIST(
        write("PATCH", "/lists/{list}", JSON, "{\"name\":\"Food\"}"),
        LIST,
        "404, 403, 403, 200, 200, 403, 404"),
    PLACE_LIST_FOR_ONESELF(
        write("PATCH", "/lists/{list}", JSON, "{\"position\":5}"),
        LIST,
        "404, 200, 200, 200, 409, 403, 404"),
    DELETE_LIST(
        write("DELETE", "/lists/{list}", null, null), LIST, "404, 403, 403, 204, 204, 403, 404"),
    // members and invites
    READ_MEMBERS(get("/lists/{list}/members"), LIST, "404, 200, 200, 200, 200, 200, 404"),
    ADD_MEMBER_BY_EMAIL(
        write(
            "POST",
            "/lists/{list}/members",
            JSON,
            "{\"email\":\"dave@example.com\",\"role\":\"viewer\"}"),
        LIST,
        "404, 403, 403, 201, 201, 403, 404"),
    CHANGE_A_ROLE(
        write("PUT", "/lists/{list}/members/carol", JSON, "{\"role\":\"editor\"}"),
        LIST,
        "404, 403, 403, 200, 200, 403, 404"),
    REMOVE_A_MEMBER(
        write("DELETE", "/lists/{list}/members/carol", null, null),
        LIST,
        "404, 403, 403, 204, 204, 403, 404"),
    LEAVE(
        write("DELETE", "/lists/{list}/members/{self}", null, null),
        LIST,
        "404, 204, 204, 409, 404 USER_NOT_FOUND, 403, 404"),
    MAKE_AN_INVITE(
        write("POST", "/lists/{list}/invites", JSON, "{\"role\":\"viewer\"}"),
        LIST,
        "404, 403, 403, 201, 201, 403, 404"),
    READ_INVITES(get("/lists/{list}/invites"), LIST, "404, 403, 403, 200, 200, 403, 404"),
    // to-dos of the list
    READ_TODO(get("/todos/{todo}"), TODO, "404, 200, 200, 200, 200, 200, 404"),
    LIST_TODOS(get("/todos?list_id={list}"), LIST, "404, 200, 200, 200, 200, 200, 404"),
    STATS(get("/todos/stats?list_id={list}"), LIST, "404, 200, 200, 200, 200, 200, 404"),
    CREATE_IN_LIST(
        write("POST", "/todos", JSON, "{\"title\":\"Eggs\",\"list_id\":\"{list}\"}"),
        LIST,
        "404, 403, 201, 201, 201, 403, 404"),
    REPLACE_TODO(
        write("PUT", "/todos/{todo}", JSON, "{\"title\":\"Oat milk\"}"),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    PATCH_TODO(
        write("PATCH", "/todos/{todo}", MERGE_PATCH, "{\"notes\":\"2 litres\"}"),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    COMPLETE_TODO(
        write("PATCH", "/todos/{todo}", MERGE_PATCH, "{\"completed\":true}"),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    DELETE_TODO(
        write("DELETE", "/todos/{todo}", null, null), TODO, "404, 403, 204, 204, 204, 403, 404"),
    MOVE_OUT_TO_ANOTHER_LIST(
        write("PATCH", "/todos/{todo}", MERGE_PATCH, "{\"list_id\":\"{elsewhere}\"}"),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    MOVE_IN_FROM_ANOTHER_LIST(
        write("PATCH", "/todos/{outside}", MERGE_PATCH, "{\"list_id\":\"{list}\"}"),
        LIST,
        "404, 403, 200, 200, 200, 403, 404"),
    BULK_COMPLETE(
        write("PATCH", "/todos?list_id={list}", JSON, "{\"completed\":true}"),
        LIST,
        "404, 403, 200, 200, 200, 403, 404"),
    BULK_DELETE(
        write("DELETE", "/todos?list_id={list}&status=all", null, null),
        LIST,
        "404, 403, 200, 200, 200, 403, 404"),
    // attachments of its to-dos
    LIST_ATTACHMENTS(get("/todos/{todo}/attachments"), TODO, "404, 200, 200, 200, 200, 200, 404"),
    READ_ATTACHMENT(
        get("/todos/{todo}/attachments/{attachment}"), TODO, "404, 200, 200, 200, 200, 200, 404"),
    DOWNLOAD_ATTACHMENT(
        get("/todos/{todo}/attachments/{attachment}/content"),
        TODO,
        "404, 200, 200, 200, 200, 200, 404"),
    UPLOAD_ATTACHMENT(
        write(
            "POST",
            "/todos/{todo}/attachments",
            "multipart/form-data; boundary=" + BOUNDARY,
            MULTIPART),
        TODO,
        "404, 403, 201, 201, 201, 403, 404"),
    DELETE_ATTACHMENT(
        write("DELETE", "/todos/{todo}/attachments/{attachment}", null, null),
        TODO,
        "404, 403, 204, 204, 204, 403, 404"),
    // steps of its to-dos
    LIST_STEPS(get("/todos/{todo}/steps"), TODO, "404, 200, 200, 200, 200, 200, 404"),
    ADD_STEP(
        write("POST", "/todos/{todo}/steps", JSON, "{\"title\":\"Eggs\"}"),
        TODO,
        "404, 403, 201, 201, 201, 403, 404"),
    CHANGE_STEP(
        write("PATCH", "/todos/{todo}/steps/{step}", MERGE_PATCH, "{\"completed\":true}"),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    DELETE_STEP(
        write("DELETE", "/todos/{todo}/steps/{step}", null, null),
        TODO,
        "404, 403, 204, 204, 204, 403, 404"),
    // the trash and the activity of the list
    LIST_TRASH(get("/trash?list_id={list}"), LIST, "404, 403, 200, 200, 200, 200, 404"),
    RESTORE_TODO(
        write("POST", "/todos/{trashed}/restore", null, null),
        TODO,
        "404, 403, 200, 200, 200, 403, 404"),
    DELETE_FOR_GOOD(
        write("DELETE", "/trash/{trashed}", null, null), TODO, "404, 403, 204, 204, 204, 403, 404"),
    EMPTY_TRASH(
        write("DELETE", "/trash?list_id={list}", null, null),
        LIST,
        "404, 403, 200, 200, 200, 403, 404"),
    READ_ACTIVITY(get("/lists/{list}/activity"), LIST, "404, 200, 200, 200, 200, 200, 404");

    public final Request request;
    private final List<Answer> answers;

    Operation(Request request, String notFound, String answers) {
      this.request = request;
      this.answers = Stream.of(answers.split(", ")).map(answer -> parse(answer, notFound)).toList();
      if (this.answers.size() != Who.values().length) {
        throw new IllegalArgumentException(name() + ": one answer per kind of caller");
      }
    }

    public Answer answerTo(Who who) {
      return answers.get(who.ordinal());
    }
  }

  private static final String LIST = "LIST_NOT_FOUND";
  private static final String TODO = "TODO_NOT_FOUND";

  private static Request get(String path) {
    return new Request("GET", path, null, null);
  }

  private static Request write(String method, String path, String contentType, String body) {
    return new Request(method, path, contentType, body);
  }

  private static Answer parse(String answer, String notFound) {
    String[] parts = answer.split(" ");
    int status = Integer.parseInt(parts[0]);
    String code =
        parts.length > 1
            ? parts[1]
            : switch (status) {
              case 403 -> "FORBIDDEN";
              case 404 -> notFound;
              case 409 -> "CONFLICT";
              default -> null;
            };
    return new Answer(status, code);
  }

  /** One cell of the table. */
  public record Cell(Operation operation, Who who, Answer answer) {
    @Override
    public String toString() {
      return operation + " as " + who + " (" + who.subject + "): " + answer;
    }
  }

  /** Every cell: each operation × each kind of caller. */
  public static Stream<Cell> cells() {
    var cells = new ArrayList<Cell>();
    for (var operation : Operation.values()) {
      for (var who : Who.values()) {
        cells.add(new Cell(operation, who, operation.answerTo(who)));
      }
    }
    return cells.stream();
  }
}
