package io.tradeport.cloud.webapi;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on WebAPI mutators: the first request with a key runs and its answer is stored (24 hours);
 * a retry with the same key and the same request gets that answer again, with the effect applied once, also when
 * the retries arrive concurrently (the key's row is claimed with one insert; latecomers wait for its answer: woken
 * when it ends on this node, polling its row when another node runs it). The
 * same key with a different request is refused. Answers of 5xx are not kept, so a retry after a failure runs again.
 */
@Component
class IdempotencyKeys extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	private static final Set<String> MUTATORS = Set.of("POST", "PUT", "PATCH", "DELETE");
	private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	/** First requests running on this node, so that retries arriving here wait for them instead of polling. */
	private final ConcurrentHashMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !MUTATORS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var key = request.getHeader(HEADER);
		if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			refuse(request, response, "The Idempotency-Key must be 1 to 255 visible ASCII characters");
			return;
		}
		var caller = caller();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		var body = request.getInputStream().readAllBytes();
		var hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n", body);
		var claimed = jdbc.sql("insert into idempotency_key (caller, key, request_hash) values (?, ?, ?) on conflict do nothing")
			.params(caller, key, hash)
			.update() == 1;
		if (!claimed) {
			replay(caller, key, hash, request, response);
			return;
		}
		var finished = new CompletableFuture<Void>();
		running.put(runningKey(caller, key), finished);
		var captured = new ContentCachingResponseWrapper(response);
		try {
			try {
				chain.doFilter(new ReplayableRequest(request, body), captured);
			}
			catch (IOException | ServletException | RuntimeException e) {
				forget(caller, key);
				throw e;
			}
			if (captured.getStatus() >= 500) {
				forget(caller, key);
			}
			else {
				jdbc.sql("update idempotency_key set status = ?, content_type = ?, body = ? where caller = ? and key = ?")
					.params(captured.getStatus(), captured.getContentType(), captured.getContentAsByteArray(), caller, key)
					.update();
			}
		}
		finally {
			running.remove(runningKey(caller, key), finished);
			finished.complete(null);
		}
		captured.copyBodyToResponse();
	}

	private void replay(String caller, String key, String hash, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
		while (true) {
			record Stored(String hash, Integer status, String contentType, byte[] body) {
			}
			var stored = jdbc.sql("select request_hash, status, content_type, body from idempotency_key where caller = ? and key = ?")
				.params(caller, key)
				.query((rs, row) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
				.optional();
			if (stored.isEmpty()) {
				refuse(request, response, "The first request with this Idempotency-Key failed; send it again");
				return;
			}
			if (!stored.get().hash().equals(hash)) {
				refuse(request, response, "This Idempotency-Key was used for a different request");
				return;
			}
			if (stored.get().status() != null) {
				response.setStatus(stored.get().status());
				if (stored.get().contentType() != null) {
					response.setContentType(stored.get().contentType());
				}
				response.setHeader("Idempotent-Replayed", "true");
				response.getOutputStream().write(stored.get().body() == null ? new byte[0] : stored.get().body());
				return;
			}
			if (System.nanoTime() > deadline) {
				refuse(request, response, "The first request with this Idempotency-Key is still running");
				return;
			}
			try {
				awaitFirst(caller, key, deadline);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Until the first request with the key has finished: woken at once when it runs on this node, else (another node
	 * runs it, or it has not registered yet) after 50 ms, to read its row again.
	 */
	private void awaitFirst(String caller, String key, long deadline) throws InterruptedException {
		var first = running.get(runningKey(caller, key));
		if (first == null) {
			Thread.sleep(50);
			return;
		}
		try {
			first.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException stillRunningOrFailed) {
			// the loop reads the row again and decides
		}
	}

	private static String runningKey(String caller, String key) {
		return caller + "\n" + key;
	}

	/** Keys are remembered for 24 hours, as the contract promises. */
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT5M")
	void purge() {
		jdbc.sql("delete from idempotency_key where created_at < now() - interval '24 hours'").update();
	}

	private void forget(String caller, String key) {
		jdbc.sql("delete from idempotency_key where caller = ? and key = ?").params(caller, key).update();
	}

	private static String caller() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			var organization = token.getToken().getClaimAsString("org_id");
			return (organization == null ? "user:" : "client:") + token.getToken().getSubject();
		}
		return null;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json");
		JSON.writeValue(response.getOutputStream(),
				ApiResponse.failed(new ApiResponse.Error(ApiResponse.Code.Validation, null, message), ActivityId.of(request)));
	}

	private static String sha256(String head, byte[] body) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
