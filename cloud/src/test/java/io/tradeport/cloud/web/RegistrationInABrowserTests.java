package io.tradeport.cloud.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.Browser;
import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.TradeportApplicationTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The first minutes of a new broker, in a real browser: register, read the mail, sign in, choose a password. */
@TradeportApplicationTest
class RegistrationInABrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aNewBrokerRegistersReadsTheMailSignsInChoosesAPasswordAndSeesTheirNewOrganization() {
		var email = "broker-" + System.nanoTime() + "@broker.test";
		try (var browser = new Browser()) {
			var page = browser.newPage();
			page.navigate("http://localhost:" + port + "/");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register with your e-mail")).click();

			page.getByLabel("E-mail").fill(email);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
			assertThat(page.getByRole(AriaRole.HEADING)).hasText("Check your mail");

			var password = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).last().click();
			page.getByLabel("E-mail").fill(email);
			page.getByLabel("Password").fill(password);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

			assertThat(page.getByRole(AriaRole.HEADING)).hasText("Choose your password");
			page.getByLabel("New password").fill("short");
			page.getByLabel("Repeat it").fill("short");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
			assertThat(page.getByText("Use at least 12 characters")).isVisible();

			page.getByLabel("New password").fill("nine blue herons at dawn");
			page.getByLabel("Repeat it").fill("nine blue herons at dawn");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your organizations"))).isVisible();
			assertThat(page.locator(".organization")).containsText(email);
			assertThat(page.locator(".organization")).containsText("Administrator");
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email))).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-after-registration.png")).setFullPage(true));
		}
	}
}
