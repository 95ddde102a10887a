package io.tradeport.signalr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.tradeport.signalr.JsonHubProtocol.ProtocolException;
import io.tradeport.signalr.RecordReader.RecordTooLargeException;

/**
 * One WebSocket speaking the hub protocol: handshake, dispatch of the client's messages, streams, timers and the
 * way it ends. Incoming frames arrive on the container's thread, one at a time; hub methods run on the
 * connection's {@link SerialLane}; everything sent goes through its {@link Outbox}.
 */
final class Connection implements HubConnection {

	private static final Logger log = LoggerFactory.getLogger(Connection.class);

	/** Slow clients are closed with a status that makes the JS client reconnect (anything but 1000 does). */
	static final CloseStatus TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("send buffer full or send timed out");

	enum State {
		HANDSHAKING, OPEN, CLOSING, CLOSED
	}

	private final Hub hub;
	private final HubRuntime runtime;
	private final WebSocketSession session;
	private final String id;
	private final @Nullable String token;
	private final @Nullable Principal principal;
	private final Map<String, String> queryParameters;
	private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
	private final Set<String> groups = ConcurrentHashMap.newKeySet();
	private final ConcurrentMap<String, StreamSubscription> streams = new ConcurrentHashMap<>();
	private final JsonHubProtocol protocol;
	private final RecordReader reader;
	private final Outbox outbox;
	private final SerialLane lane;
	private final AtomicReference<State> state = new AtomicReference<>(State.HANDSHAKING);
	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
	private @Nullable ByteBuffer undecoded;
	private final AtomicBoolean connectedCallbackRan = new AtomicBoolean();
	private final CompletableFuture<Void> terminated = new CompletableFuture<>();
	private final long openedNanos;
	private volatile long lastReceivedNanos;
	private volatile long lastSentNanos;

	Connection(Hub hub, HubRuntime runtime, WebSocketSession session, String id, @Nullable String token,
			@Nullable Principal principal, Map<String, String> queryParameters) {
		this.hub = hub;
		this.runtime = runtime;
		this.session = session;
		this.id = id;
		this.token = token;
		this.principal = principal;
		this.queryParameters = queryParameters;
		this.protocol = hub.protocol();
		var settings = runtime.settings();
		this.reader = new RecordReader(settings.maxMessageSize().toBytes());
		this.outbox = new Outbox(ContainerSessions.textWriter(session), settings.sendBufferSize().toBytes(),
				runtime::execute, this::writeFailed);
		this.lane = new SerialLane(runtime::execute, settings.maxPendingInvocations());
		this.openedNanos = System.nanoTime();
		this.lastReceivedNanos = openedNanos;
		this.lastSentNanos = openedNanos;
	}

	// --- HubConnection

	@Override
	public String id() {
		return id;
	}

	@Override
	public @Nullable Principal principal() {
		return principal;
	}

	@Override
	public Map<String, String> queryParameters() {
		return queryParameters;
	}

	@Override
	public ConcurrentMap<String, Object> attributes() {
		return attributes;
	}

	@Override
	public boolean send(String target, @Nullable Object... arguments) {
		if (state.get() != State.OPEN) {
			return false;
		}
		return offer(protocol.invocation(target, arguments), null);
	}

	@Override
	public void addToGroup(String group) {
		if (state.get() == State.OPEN && groups.add(group)) {
			hub.addToGroup(this, group);
			if (state.get() != State.OPEN) {
				// closed meanwhile: its cleanup may have run before the group was added
				hub.removeFromGroup(this, group);
			}
		}
	}

	@Override
	public void removeFromGroup(String group) {
		if (groups.remove(group)) {
			hub.removeFromGroup(this, group);
		}
	}

	@Override
	public boolean isOpen() {
		return state.get() == State.OPEN;
	}

	@Override
	public void close(@Nullable String error) {
		closeWithMessage(error, false);
	}

	@Override
	public String toString() {
		return "Connection " + id + " to " + hub.path();
	}

	// --- from the WebSocket handler

	void receive(CharSequence text) {
		lastReceivedNanos = System.nanoTime();
		if (isEnding()) {
			return;
		}
		try {
			for (var record : reader.append(text)) {
				if (isEnding()) {
					return;
				}
				if (state.get() == State.HANDSHAKING) {
					handshake(record);
				}
				else {
					dispatch(protocol.parse(record));
				}
			}
		}
		catch (RecordTooLargeException | ProtocolException e) {
			fail(e.getMessage());
		}
	}

	/**
	 * The same JSON records in binary frames: Microsoft's Java client sends them so. A character split between
	 * frames waits for its remaining bytes.
	 */
	void receive(ByteBuffer bytes) {
		lastReceivedNanos = System.nanoTime();
		if (isEnding()) {
			return;
		}
		var input = bytes;
		if (undecoded != null) {
			input = ByteBuffer.allocate(undecoded.remaining() + bytes.remaining()).put(undecoded).put(bytes).flip();
		}
		var text = CharBuffer.allocate(input.remaining());
		if (utf8.decode(input, text, false).isError()) {
			fail("Invalid UTF-8 in a binary message.");
			return;
		}
		undecoded = input.hasRemaining() ? ByteBuffer.allocate(input.remaining()).put(input).flip() : null;
		receive(text.flip());
	}

	/** Any frame, a pong included, shows that the client is alive. */
	void touched() {
		lastReceivedNanos = System.nanoTime();
	}

	/** The WebSocket is closed, by either side or by the network. */
	void terminated(CloseStatus status) {
		var previous = state.getAndSet(State.CLOSED);
		if (previous == State.CLOSED) {
			return;
		}
		log.debug("{} closed: {}", this, status);
		outbox.close();
		streams.values().forEach(StreamSubscription::cancelQuietly);
		hub.closed(this);
		if (token != null) {
			hub.negotiations().release(token);
		}
		runtime.forget(this);
		if (connectedCallbackRan.get()) {
			lane.submitAlways(() -> {
				try {
					hub.disconnected(this);
				}
				catch (RuntimeException e) {
					log.warn("The disconnect callback of {} failed", this, e);
				}
			});
		}
		terminated.complete(null);
	}

	CompletableFuture<Void> terminated() {
		return terminated;
	}

	Set<String> groups() {
		return groups;
	}

	/** Timers: handshake timeout, client timeout, keep-alive and a write that the socket does not finish. */
	void check(long now) {
		var settings = runtime.settings();
		var current = state.get();
		if (current == State.CLOSED) {
			return;
		}
		var writeStarted = outbox.writeStartedNanos();
		if (writeStarted != 0 && now - writeStarted > settings.sendTimeout().toNanos()) {
			abort("the socket has not taken a write for " + settings.sendTimeout().toMillis() + " ms");
			return;
		}
		if (current == State.HANDSHAKING && now - openedNanos > settings.handshakeTimeout().toNanos()) {
			failHandshake("Handshake was canceled.");
		}
		else if (current == State.OPEN) {
			if (now - lastReceivedNanos > settings.clientTimeout().toNanos()) {
				closeWithMessage("Connection closed with an error. Client timeout: nothing received from the client for "
						+ settings.clientTimeout().toMillis() + " ms.", false);
			}
			else if (now - lastSentNanos >= settings.keepAliveInterval().toNanos()) {
				offer(protocol.ping(), null);
			}
		}
	}

	/** The server is stopping: clients may reconnect, to this instance once it is back or to another. */
	void shutdown() {
		closeWithMessage(null, true);
	}

	/** Closes the socket without waiting for queued data: for clients that do not read. */
	void abort(String reason) {
		var previous = state.getAndUpdate(current -> current == State.CLOSED ? current : State.CLOSING);
		if (previous == State.CLOSED) {
			return;
		}
		log.info("{} aborted: {}", this, reason);
		outbox.close();
		streams.values().forEach(StreamSubscription::cancelQuietly);
		hub.closed(this);
		// Closing may still block on the stuck socket for a while: not on the caller.
		runtime.execute(() -> {
			try {
				ContainerSessions.abort(session, TOO_SLOW);
			}
			catch (IOException | RuntimeException e) {
				log.debug("{}: aborting the WebSocket failed", this, e);
			}
		});
	}

	/** For a group send: the record is already written once for all connections. */
	boolean offerIfOpen(String record) {
		return state.get() == State.OPEN && offer(record, null);
	}

	long highWaterChars() {
		return outbox.highWaterChars();
	}

	// --- protocol

	private void handshake(String record) {
		JsonHubProtocol.Handshake handshake;
		try {
			handshake = protocol.parseHandshake(record);
		}
		catch (ProtocolException e) {
			failHandshake("An unexpected error occurred during connection handshake. InvalidDataException: " + e.getMessage());
			return;
		}
		if (!handshake.protocol().equals("json")) {
			failHandshake("The protocol '" + handshake.protocol() + "' is not supported.");
			return;
		}
		// Version 2 only adds stateful reconnect's Ack and Sequence, which are ignored; it is never negotiated here.
		if (handshake.version() != 1 && handshake.version() != 2) {
			failHandshake("The server does not support version " + handshake.version() + " of the 'json' protocol.");
			return;
		}
		if (!state.compareAndSet(State.HANDSHAKING, State.OPEN)) {
			return;
		}
		offer(protocol.handshakeResponse(null), null);
		hub.opened(this);
		if (state.get() != State.OPEN) {
			// aborted meanwhile, possibly before it was registered
			hub.closed(this);
		}
		// In the lane, so that it runs before the first invocation and sees the connection already registered.
		lane.submitAlways(() -> {
			if (state.get() != State.OPEN) {
				return;
			}
			connectedCallbackRan.set(true);
			try {
				hub.connected(this);
			}
			catch (RuntimeException e) {
				log.warn("The connect callback of {} failed", this, e);
				closeWithMessage("Connection closed with an error.", false);
			}
		});
	}

	private void dispatch(HubMessage message) {
		switch (message) {
			case HubMessage.Invocation invocation -> invoke(invocation);
			case HubMessage.StreamInvocation invocation -> stream(invocation);
			case HubMessage.CancelInvocation cancel -> {
				var stream = streams.get(cancel.invocationId());
				if (stream != null) {
					stream.cancelByClient();
				}
			}
			case HubMessage.Ping ping -> {
			}
			case HubMessage.Close close -> {
				if (state.compareAndSet(State.OPEN, State.CLOSING)) {
					closeSocket(CloseStatus.NORMAL);
				}
			}
			case HubMessage.Ignored ignored -> log.debug("{} ignored a message of type {}", this, ignored.type());
		}
	}

	private void invoke(HubMessage.Invocation invocation) {
		var invocationId = invocation.invocationId();
		var method = hub.method(invocation.target());
		if (method == null) {
			log.debug("{}: unknown hub method '{}'", this, invocation.target());
			answerError(invocationId, "Unknown hub method '" + invocation.target() + "'");
			return;
		}
		if (method.invocation() == null) {
			answerError(invocationId, "The client attempted to invoke the streaming '" + method.name() + "' method with a non-streaming invocation.");
			return;
		}
		if (invocation.hasStreamIds()) {
			answerError(invocationId, "Failed to invoke '" + method.name() + "': client-to-server streams are not supported.");
			return;
		}
		var arguments = new HubArguments(invocation.arguments(), protocol.mapper());
		if (!lane.submit(() -> run(method, invocationId, arguments))) {
			answerError(invocationId, "Failed to invoke '" + method.name() + "': too many invocations are waiting on this connection.");
		}
	}

	private void run(Hub.Method method, @Nullable String invocationId, HubArguments arguments) {
		if (state.get() != State.OPEN) {
			return;
		}
		Object result;
		try {
			result = method.invocation().invoke(this, arguments);
			if (result instanceof CompletionStage<?> stage) {
				result = stage.toCompletableFuture().get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			answerError(invocationId, errorMessage(method.name(), e));
			return;
		}
		catch (Exception e) {
			answerError(invocationId, errorMessage(method.name(), unwrap(e)));
			return;
		}
		if (invocationId == null) {
			return;
		}
		String completion;
		try {
			completion = result == null ? protocol.completion(invocationId) : protocol.completionWithResult(invocationId, result);
		}
		catch (RuntimeException e) {
			log.warn("{}: the result of '{}' cannot be written as JSON", this, method.name(), e);
			completion = protocol.completionWithError(invocationId, "An unexpected error occurred invoking '" + method.name() + "' on the server.");
		}
		offer(completion, null);
	}

	private void stream(HubMessage.StreamInvocation invocation) {
		var invocationId = invocation.invocationId();
		var method = hub.method(invocation.target());
		if (method == null) {
			answerError(invocationId, "Unknown hub method '" + invocation.target() + "'");
			return;
		}
		if (method.stream() == null) {
			answerError(invocationId, "The client attempted to invoke the non-streaming '" + method.name() + "' method with a streaming invocation.");
			return;
		}
		if (invocation.hasStreamIds()) {
			answerError(invocationId, "Failed to invoke '" + method.name() + "': client-to-server streams are not supported.");
			return;
		}
		var subscription = new StreamSubscription(invocationId, method.name());
		if (streams.putIfAbsent(invocationId, subscription) != null) {
			answerError(invocationId, "Invocation ID '" + invocationId + "' is already in use.");
			return;
		}
		var arguments = new HubArguments(invocation.arguments(), protocol.mapper());
		var queued = lane.submit(() -> {
			if (state.get() != State.OPEN || subscription.isDone()) {
				return;
			}
			Flow.Publisher<?> publisher;
			try {
				publisher = method.stream().stream(this, arguments);
			}
			catch (Exception e) {
				subscription.failToStart(errorMessage(method.name(), unwrap(e)));
				return;
			}
			runtime.execute(() -> publisher.subscribe(subscription));
		});
		if (!queued) {
			subscription.failToStart("Failed to invoke '" + method.name() + "': too many invocations are waiting on this connection.");
		}
	}

	private String errorMessage(String method, Throwable error) {
		return switch (error) {
			case HubException e -> {
				log.debug("{}: '{}' failed: {}", this, method, e.getMessage());
				yield "An unexpected error occurred invoking '" + method + "' on the server. HubException: " + e.getMessage();
			}
			case HubArguments.BindingException e -> {
				log.debug("{}: '{}' could not bind its arguments: {}", this, method, e.getMessage());
				yield "Failed to invoke '" + method + "' due to an error on the server.";
			}
			default -> {
				log.warn("{}: '{}' failed", this, method, error);
				yield "An unexpected error occurred invoking '" + method + "' on the server.";
			}
		};
	}

	private static Throwable unwrap(Throwable error) {
		while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
			error = error.getCause();
		}
		return error;
	}

	/** Answers an invocation with an error; an invocation without id gets no answer at all. */
	private void answerError(@Nullable String invocationId, String error) {
		if (invocationId != null) {
			offer(protocol.completionWithError(invocationId, error), null);
		}
	}

	// --- sending and ending

	private boolean offer(String record, @Nullable Runnable afterWrite) {
		lastSentNanos = System.nanoTime();
		return switch (outbox.offer(record, afterWrite)) {
			case QUEUED -> true;
			case CLOSED -> false;
			case FULL -> {
				abort("its send buffer is full (" + outbox.queuedChars() + " characters unsent)");
				yield false;
			}
		};
	}

	private boolean isEnding() {
		var current = state.get();
		return current == State.CLOSING || current == State.CLOSED;
	}

	/** A protocol violation by the client: tell it why, then close. */
	private void fail(String reason) {
		log.debug("{}: protocol error: {}", this, reason);
		if (state.get() == State.HANDSHAKING) {
			failHandshake("An unexpected error occurred during connection handshake. InvalidDataException: " + reason);
		}
		else {
			closeWithMessage("Connection closed with an error. InvalidDataException: " + reason, false);
		}
	}

	private void failHandshake(String error) {
		if (state.compareAndSet(State.HANDSHAKING, State.CLOSING)) {
			log.debug("{}: handshake failed: {}", this, error);
			sendThenClose(protocol.handshakeResponse(error));
		}
	}

	private void closeWithMessage(@Nullable String error, boolean allowReconnect) {
		var previous = state.getAndUpdate(current -> current == State.OPEN || current == State.HANDSHAKING ? State.CLOSING : current);
		if (previous == State.CLOSING || previous == State.CLOSED) {
			return;
		}
		streams.values().forEach(StreamSubscription::cancelQuietly);
		hub.closed(this);
		if (previous == State.HANDSHAKING) {
			closeSocket(allowReconnect ? CloseStatus.GOING_AWAY : CloseStatus.NORMAL);
			return;
		}
		sendThenClose(protocol.close(error, allowReconnect));
	}

	private void sendThenClose(String lastRecord) {
		if (outbox.offer(lastRecord, () -> closeSocket(CloseStatus.NORMAL)) != Outbox.Offer.QUEUED) {
			abort("it is closing with a full send buffer");
		}
	}

	private void closeSocket(CloseStatus status) {
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException e) {
			log.debug("{}: closing the WebSocket failed", this, e);
		}
	}

	private void writeFailed(Exception e) {
		log.debug("{}: write failed", this, e);
		abort("a write failed: " + e);
	}

	/** A server-to-client stream: asks its publisher for items as the socket takes them. */
	private final class StreamSubscription implements Flow.Subscriber<Object> {

		private final String invocationId;
		private final String method;
		private final AtomicBoolean done = new AtomicBoolean();
		private volatile Flow.@Nullable Subscription subscription;

		StreamSubscription(String invocationId, String method) {
			this.invocationId = invocationId;
			this.method = method;
		}

		boolean isDone() {
			return done.get();
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			if (this.subscription != null) {
				subscription.cancel();
				return;
			}
			this.subscription = subscription;
			if (done.get()) {
				subscription.cancel();
			}
			else {
				subscription.request(runtime.settings().streamBufferSize());
			}
		}

		@Override
		public void onNext(Object item) {
			if (done.get()) {
				return;
			}
			String record;
			try {
				record = protocol.streamItem(invocationId, item);
			}
			catch (RuntimeException e) {
				log.warn("{}: an item of stream '{}' cannot be written as JSON", Connection.this, method, e);
				cancelQuietly();
				end(protocol.completionWithError(invocationId, "An error occurred on the server while streaming results."));
				return;
			}
			if (!offer(record, this::requestOne)) {
				cancelQuietly();
			}
		}

		@Override
		public void onError(Throwable error) {
			if (done.compareAndSet(false, true)) {
				var message = "An error occurred on the server while streaming results.";
				if (error instanceof HubException) {
					message += " HubException: " + error.getMessage();
				}
				else {
					log.warn("{}: stream '{}' failed", Connection.this, method, error);
				}
				end(protocol.completionWithError(invocationId, message));
			}
		}

		@Override
		public void onComplete() {
			if (done.compareAndSet(false, true)) {
				end(protocol.completion(invocationId));
			}
		}

		/** Like ASP.NET, a cancelled stream still gets its Completion; the client ignores it. */
		void cancelByClient() {
			if (done.compareAndSet(false, true)) {
				log.debug("{}: stream '{}' ({}) cancelled by the client", Connection.this, method, invocationId);
				cancelSubscription();
				end(protocol.completion(invocationId));
			}
		}

		void failToStart(String error) {
			if (done.compareAndSet(false, true)) {
				end(protocol.completionWithError(invocationId, error));
			}
		}

		/** The connection is ending: nothing more is sent for this stream. */
		void cancelQuietly() {
			done.set(true);
			streams.remove(invocationId, this);
			cancelSubscription();
		}

		private void end(String completion) {
			streams.remove(invocationId, this);
			if (state.get() == State.OPEN) {
				offer(completion, null);
			}
		}

		private void requestOne() {
			var current = subscription;
			if (!done.get() && current != null) {
				current.request(1);
			}
		}

		private void cancelSubscription() {
			var current = subscription;
			if (current != null) {
				current.cancel();
			}
		}
	}
}
