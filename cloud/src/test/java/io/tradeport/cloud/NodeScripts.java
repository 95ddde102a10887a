package io.tradeport.cloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js scripts under {@code src/test/node} (real third-party clients from npm) and returns their
 * output. Installs the locked npm packages once per checkout.
 */
public final class NodeScripts {

	public record Result(int exitCode, String output) {
	}

	private static final Path DIRECTORY = Path.of("src/test/node").toAbsolutePath();

	private NodeScripts() {
	}

	public static synchronized Result run(String script, Map<String, String> environment) {
		installOnce();
		return exec(List.of("node", script), environment, 120);
	}

	private static void installOnce() {
		if (Files.isDirectory(DIRECTORY.resolve("node_modules/openid-client"))
				&& Files.isDirectory(DIRECTORY.resolve("node_modules/@mywebapi.com/sdk"))) {
			return;
		}
		var install = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
		if (install.exitCode() != 0) {
			throw new IllegalStateException("npm ci failed:\n" + install.output());
		}
	}

	private static Result exec(List<String> command, Map<String, String> environment, int timeoutSeconds) {
		try {
			var builder = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true);
			builder.environment().putAll(environment);
			var process = builder.start();
			var output = new StringBuilder();
			var reader = Thread.ofVirtual().start(() -> {
				try {
					output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
				}
				catch (IOException ignored) {
					// the process died; its exit code tells
				}
			});
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				reader.join(5_000);
				return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + output);
			}
			reader.join();
			return new Result(process.exitValue(), output.toString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
