package io.tradeport.cloud.webapi;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tradeport.cloud.ApiClientFixtures;
import io.tradeport.cloud.BuiltInTradeServer;
import io.tradeport.cloud.Http;
import io.tradeport.cloud.TradeportApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mail and news go to the server; the cached news and last mail are read from it (the pump carries neither), at
 * once after a change through the same platform, and within the cache's refresh after one made elsewhere.
 */
@TradeportApplicationTest
class MessagingTests {

	@RegisterExtension
	static final BuiltInTradeServer tradeServer = BuiltInTradeServer.loopback();

	@LocalServerPort
	int port;

	@Autowired
	ApiClientFixtures fixtures;

	Http http;
	ApiClientFixtures.ConnectedPlatform here;
	ApiClientFixtures.ConnectedPlatform elsewhere;

	@BeforeEach
	void twoPlatformsOnTheSameServer() {
		http = new Http(port);
		here = fixtures.newPlatformOnGateway("messaging", tradeServer.port(), "gateway-password", Set.of("read", "trade"), http);
		elsewhere = fixtures.newPlatformOnGateway("messaging-elsewhere", tradeServer.port(), "gateway-password", Set.of("read", "trade"), http);
	}

	@Test
	void newsSentIsListedAtOnceAndItsBodyIsHeld() {
		var total = get(here, "/NewsTotal").json().get("data").asInt();
		var sent = post(here, "/NewsSend", "{\"topic\":\"Holiday hours\",\"category\":\"Notices\",\"body\":\"Closed on Monday.\",\"highPriority\":true}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.json().get("data").asBoolean()).isTrue();

		assertThat(get(here, "/NewsTotal").json().get("data").asInt()).isEqualTo(total + 1);
		var news = get(here, "/NewsGet").json().get("data");
		var newest = news.get(news.size() - 1);
		assertThat(newest.get("topic").asString()).isEqualTo("Holiday hours");
		assertThat(newest.get("category").asString()).isEqualTo("Notices");
		assertThat(newest.get("priority").asInt()).isEqualTo(1);
		assertThat(newest.get("langId").asInt()).isZero();
		assertThat(get(here, "/NewsTopicGet/" + (news.size() - 1)).json().get("data")).isEqualTo(newest);
		assertThat(get(here, "/NewsBodyGet/" + newest.get("key").asInt()).json().get("data").asString()).isEqualTo("Closed on Monday.");
	}

	@Test
	void newsSentElsewhereShowsWithinTheRefreshAndItsBodyOnceRequested() {
		var before = get(here, "/NewsTotal").json().get("data").asInt();
		assertThat(post(elsewhere, "/NewsSend", "{\"topic\":\"Margin change\",\"body\":\"Gold margin rises.\"}").status()).isEqualTo(200);

		var key = new int[1];
		await().atMost(MessagingCache.REFRESH.plusSeconds(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			var news = get(here, "/NewsGet").json().get("data");
			assertThat(news.size()).isEqualTo(before + 1);
			key[0] = news.get(news.size() - 1).get("key").asInt();
		});
		var notYet = get(here, "/NewsBodyGet/" + key[0]);
		assertThat(notYet.status()).isEqualTo(404);
		assertThat(notYet.json().get("error").get("message").asString()).contains("NewsBodyRequest");

		assertThat(post(here, "/NewsBodyRequest/" + key[0], "").json().get("data").asBoolean()).isTrue();
		assertThat(get(here, "/NewsBodyGet/" + key[0]).json().get("data").asString()).isEqualTo("Gold margin rises.");
	}

	@Test
	void mailSentIsOnTheServerAndIsTheLastMail() {
		var before = get(here, "/MailsRequest").json().get("data").size();
		var sent = post(here, "/MailSend", "{\"senderName\":\"Support\",\"subject\":\"Welcome\",\"body\":\"Your account is ready.\",\"logins\":[1001,1003]}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);

		var mails = get(here, "/MailsRequest").json().get("data");
		assertThat(mails.size()).isEqualTo(before + 1);
		var mail = mails.get(mails.size() - 1);
		assertThat(mail.get("subject").asString()).isEqualTo("Welcome");
		assertThat(mail.get("body").asString()).isEqualTo("Your account is ready.");
		assertThat(mail.get("senderName").asString()).isEqualTo("Support");
		assertThat(mail.get("senderLogin").asInt()).as("the platform's manager").isEqualTo(1);

		var last = get(here, "/MailLast").json().get("data").asString();
		assertThat(last).isNotEmpty();
		assertThat(post(here, "/MailSend", "{\"subject\":\"Again\",\"body\":\"Second.\",\"logins\":[1002]}").status()).isEqualTo(200);
		assertThat(get(here, "/MailLast").json().get("data").asString()).isNotEqualTo(last).isNotEmpty();
	}

	@Test
	void aMailToAnUnknownAccountIsRefusedAndNotSent() {
		var before = get(here, "/MailsRequest").json().get("data").size();
		var refused = post(here, "/MailSend", "{\"subject\":\"Lost\",\"body\":\"Nobody.\",\"logins\":[1001,99999999]}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").get("code").asString()).isEqualTo("MT4Error");
		assertThat(get(here, "/MailsRequest").json().get("data").size()).isEqualTo(before);
	}

	@Test
	void unknownNewsIsNotFoundAndBadValuesAreValidationErrors() {
		var total = get(here, "/NewsTotal").json().get("data").asInt();
		for (var missing : List.of(get(here, "/NewsTopicGet/" + total), get(here, "/NewsBodyGet/999999"),
				post(here, "/NewsBodyRequest/999999", ""))) {
			assertThat(missing.status()).as(missing.body()).isEqualTo(404);
			assertThat(missing.json().get("error").get("code").asString()).isEqualTo("NotFound");
		}
		for (var invalid : List.of(get(here, "/NewsTopicGet/-1"), get(here, "/NewsBodyGet/0"), get(here, "/NewsBodyGet/x"),
				post(here, "/NewsSend", "{\"body\":\"no topic\"}"), post(here, "/NewsSend", "{\"topic\":\"no body\"}"),
				post(here, "/NewsSend", "{\"topic\":\"" + "t".repeat(257) + "\",\"body\":\"b\"}"),
				post(here, "/MailSend", "{\"subject\":\"s\",\"body\":\"b\"}"), post(here, "/MailSend", "{\"subject\":\"s\",\"body\":\"b\",\"logins\":[0]}"),
				post(here, "/MailSend", "{\"subject\":\"s\",\"logins\":[1001]}"))) {
			assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
			assertThat(invalid.json().get("error").get("code").asString()).isEqualTo("Validation");
		}
		assertThat(get(here, "/NewsTotal").json().get("data").asInt()).isEqualTo(total);
	}

	private Http.Response get(ApiClientFixtures.ConnectedPlatform platform, String operation) {
		return http.get("/api/v2/MT4/" + platform.platform() + operation, "Authorization", platform.bearer());
	}

	private Http.Response post(ApiClientFixtures.ConnectedPlatform platform, String operation, String json) {
		return http.postRaw("/api/v2/MT4/" + platform.platform() + operation, "application/json-patch+json", json, "Authorization",
				platform.bearer());
	}
}
