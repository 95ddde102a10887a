package io.tradeport.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from the operating system ({@code /usr/bin/chromium}, installed by {@code .ci/run}) driven by
 * Playwright; nothing is downloaded. Each instance is a fresh profile, so a fresh person.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private final Playwright playwright;
	private final BrowserContext context;

	public Browser() {
		try {
			playwright = Playwright.create();
			context = playwright.chromium()
				.launchPersistentContext(Files.createTempDirectory("tradeport-chromium-"),
						new BrowserType.LaunchPersistentContextOptions().setExecutablePath(CHROMIUM)
							.setHeadless(true)
							.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
									"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public com.microsoft.playwright.Page newPage() {
		return context.newPage();
	}

	@Override
	public void close() {
		context.close();
		playwright.close();
	}
}
