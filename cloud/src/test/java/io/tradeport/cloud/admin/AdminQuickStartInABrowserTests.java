package io.tradeport.cloud.admin;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.Browser;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.Mailbox;
import io.tradeport.cloud.ReportDatabase;
import io.tradeport.cloud.TradeportApplicationTest;
import io.tradeport.tradeserver.gateway.TradeServer;
import io.tradeport.tradeserver.gateway.TradeServerSettings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin portal's quick start for a new broker, exactly as the issue writes it, in Chromium. */
@TradeportApplicationTest
class AdminQuickStartInABrowserTests {

	@LocalServerPort
	int port;

	@Test
	void aNewBrokerSetsUpOrganizationsPlatformsAColleagueAndAnApiClient() {
		var stamp = System.nanoTime();
		var broker = "owner-" + stamp + "@broker.test";
		var colleague = "dealer-" + stamp + "@broker.test";
		var base = "http://localhost:" + port;
		// The broker's own trade server, elsewhere on the network as far as Tradeport is concerned.
		try (var tradeServer = TradeServer.start(TradeServerSettings.loopback().withAdminPassword("manager-password-" + stamp));
				var browser = new Browser(); var colleaguesBrowser = new Browser()) {
			var page = browser.newPage();

			// 1. Register; the password arrives by mail.
			registerAndChoosePassword(page, base, broker, "steady copper river runs");

			// 2. The name top right opens "Manage organizations": rename, create another, switch, delete.
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(broker)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Manage organizations"))).isVisible();
			var row = page.locator("tr[data-organization='" + broker + "']");
			row.getByLabel(Pattern.compile("New name for")).fill("Acme Brokers " + stamp);
			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
			assertThat(page.getByText("Organization renamed.")).isVisible();
			field(page, "Name").fill("Acme Demo " + stamp);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
			assertThat(page.locator("tr[data-organization='Acme Demo " + stamp + "']")).isVisible();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete…")).last().click();
			field(page, "Type the organization's name to confirm").fill("wrong name");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete organization")).click();
			assertThat(page.getByText("Type the organization's name exactly")).isVisible();
			var deleteHeading = page.getByRole(AriaRole.HEADING).textContent();
			field(page, "Type the organization's name to confirm").fill(deleteHeading.replace("Delete ", "").replace("?", ""));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete organization")).click();
			assertThat(page.getByText("Organization deleted.")).isVisible();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to Acme Brokers " + stamp)).click();

			// 3. Admin → Trade platforms: add, Edit, API, DB, Test.
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trade platforms"))).isVisible();
			addPlatform(page, "MT4 Live", "MT4");
			addPlatform(page, "MT5 Live", "MT4");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit MT5 Live")).click();
			field(page, "Name").fill("MT5 Main");
			field(page, "Type").selectOption("MT5");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
			assertThat(page.locator("tr[data-platform='MT5 Main']")).containsText("MT5");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API of MT4 Live")).click();
			field(page, "Server address").fill("127.0.0.1:" + tradeServer.port());
			field(page, "Manager login").fill("1");
			field(page, "Manager password").fill("manager-password-" + stamp);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("DB of MT4 Live")).click();
			field(page, "Host").fill("127.0.0.1");
			field(page, "Port").fill(Integer.toString(ReportDatabase.port()));
			field(page, "Database").fill(ReportDatabase.DATABASE);
			field(page, "Login").fill(ReportDatabase.LOGIN);
			field(page, "Password").fill(ReportDatabase.PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
			assertThat(page.content()).doesNotContain(ReportDatabase.PASSWORD).doesNotContain("manager-password-" + stamp);

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test report database of MT4 Live")).click();
			assertThat(page.locator("tr[data-platform='MT4 Live'] .check").last()).containsText("Connected to");
			assertThat(page.locator("tr[data-platform='MT4 Live'] .check").last()).containsText("MT4 report tables found");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test Manager API of MT4 Live")).click();
			assertThat(page.locator("tr[data-platform='MT4 Live'] .check").first()).containsText("Connected to MT4 server");
			assertThat(page.locator("tr[data-platform='MT4 Live'] .check").first()).containsText("manager 1 signed in");

			// 4. Admin → Users: invite someone without an account; they register, then accept.
			page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Administration"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Users")).click();
			field(page, "E-mail").fill(colleague);
			permission(page, "View analytics").check();
			page.locator("input[name='scope.view-analytics'][value='chosen']").check();
			page.locator("label:has-text('MT4 Live') input[name='platforms.view-analytics']").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
			assertThat(page.getByText("Invitation sent.")).isVisible();
			assertThat(page.locator("tr[data-invitation='" + colleague + "']")).containsText("View analytics (MT4 Live)");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend invitation to " + colleague)).click();
			assertThat(page.getByText("Invitation sent again with a new link.")).isVisible();

			var link = Mailbox.match(Mailbox.latestBody(colleague, "Invitation to Acme Brokers"), "(http\\S+/invitations/\\S+)");
			var other = colleaguesBrowser.newPage();
			other.navigate(link.replace("http://127.0.0.1:" + port, base));
			assertThat(other.getByRole(AriaRole.HEADING)).hasText("Join Acme Brokers " + stamp);
			other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register with this address")).click();
			assertThat(field(other, "E-mail")).hasValue(colleague);
			other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
			var password = Mailbox.temporaryPassword(Mailbox.latestBody(colleague, "Your Tradeport password"));
			other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).last().click();
			field(other, "E-mail").fill(colleague);
			field(other, "Password").fill(password);
			other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			field(other, "New password").fill("quiet orchard hums softly");
			field(other, "Repeat it").fill("quiet orchard hums softly");
			other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
			other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept invitation")).click();
			assertThat(other.locator(".organization").filter(new Locator.FilterOptions().setHasText("Acme Brokers " + stamp))).containsText("Member");

			// Permissions; the last Administrator cannot demote themselves.
			page.reload();
			assertThat(page.locator("tr[data-member='" + colleague + "']")).containsText("View analytics (MT4 Live)");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Permissions of " + colleague)).click();
			permission(page, "Use monitors").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save permissions")).click();
			assertThat(page.locator("tr[data-member='" + colleague + "']")).containsText("Use monitors");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Permissions of " + broker)).click();
			permission(page, "Administrator").uncheck();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save permissions")).click();
			assertThat(page.getByText("last Administrator")).isVisible();

			// 5. Admin → Clients: create (secret shown once), use it, rotate, disable, delete.
			page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Administration"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Clients")).click();
			field(page, "Name").fill("Risk robot");
			permission(page, "trade").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create client")).click();
			assertThat(page.getByText("shown only this once")).isVisible();
			var clientId = page.locator("#client-id").textContent();
			var secret = page.locator("#client-secret").textContent();
			var http = new Http(port);
			assertThat(token(http, clientId, secret)).isEqualTo(200);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to API clients")).click();
			assertThat(page.locator("tr[data-client='Risk robot']")).containsText("read trade");
			assertThat(page.content()).doesNotContain(secret);

			page.onDialog(dialog -> dialog.accept());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate secret of Risk robot")).click();
			var rotated = page.locator("#client-secret").textContent();
			assertThat(token(http, clientId, secret)).isEqualTo(401);
			assertThat(token(http, clientId, rotated)).isEqualTo(200);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to API clients")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable Risk robot")).click();
			assertThat(page.locator("tr[data-client='Risk robot']")).containsText("disabled");
			assertThat(token(http, clientId, rotated)).isEqualTo(401);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable Risk robot")).click();
			assertThat(token(http, clientId, rotated)).isEqualTo(200);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete Risk robot")).click();
			assertThat(page.getByText("Client deleted")).isVisible();
			assertThat(token(http, clientId, rotated)).isEqualTo(401);

			page.setViewportSize(390, 844);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/admin-on-a-phone.png")).setFullPage(true));
		}
	}

	private static void registerAndChoosePassword(Page page, String base, String email, String password) {
		page.navigate(base + "/register");
		field(page, "E-mail").fill(email);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
		var temporary = Mailbox.temporaryPassword(Mailbox.latestBody(email, "Your Tradeport password"));
		page.navigate(base + "/login");
		field(page, "E-mail").fill(email);
		field(page, "Password").fill(temporary);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		field(page, "New password").fill(password);
		field(page, "Repeat it").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your organizations"))).isVisible();
	}

	private static void addPlatform(Page page, String name, String type) {
		field(page, "Name").fill(name);
		field(page, "Type").selectOption(type);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
		assertThat(page.locator("tr[data-platform='" + name + "']")).isVisible();
	}

	private static Locator permission(Page page, String label) {
		return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^" + label + " ")));
	}

	private static Locator field(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	private static int token(Http http, String clientId, String secret) {
		return http.postForm("/connect/token", Http.form("grant_type", "client_credentials", "client_id", clientId,
				"client_secret", secret)).status();
	}
}
