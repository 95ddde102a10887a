package io.tradeport.tradeserver.gateway;

import static io.tradeport.tradeserver.gateway.Gateway.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tradeport.gateway.v1.GetMailsRequest;
import io.tradeport.gateway.v1.GetNewsRequest;
import io.tradeport.gateway.v1.NewsKey;
import io.tradeport.gateway.v1.SendMailRequest;
import io.tradeport.gateway.v1.SendNewsRequest;

class MessagingTests {

	private final Gateway gateway = new Gateway();
	private final Gateway.Manager admin = gateway.admin();

	@AfterEach
	void stop() {
		gateway.close();
	}

	@Test
	void mailIsSentToAccountsAndReadBack() {
		var sent = admin.messaging().sendMail(SendMailRequest.newBuilder().setSubject("Welcome").setBody("Hello")
			.addLogins(1001).addLogins(1002).build());

		var forTrader = admin.messaging().getMails(GetMailsRequest.newBuilder().setLogin(1001).build()).getMailsList();
		assertThat(forTrader).singleElement().satisfies(mail -> {
			assertThat(mail.getId()).isEqualTo(sent.getId());
			assertThat(mail.getSubject()).isEqualTo("Welcome");
			assertThat(mail.getSenderLogin()).isEqualTo(1);
			assertThat(mail.getSenderName()).isEqualTo("Administrator");
		});
		assertThat(admin.messaging().getMails(GetMailsRequest.newBuilder().setLogin(1003).build()).getMailsList()).isEmpty();
		assertThat(admin.messaging().getMails(GetMailsRequest.getDefaultInstance()).getMailsCount()).isEqualTo(1);
	}

	@Test
	void mailToAnUnknownAccountOrWithoutSubjectIsInvalid() {
		assertThat(refusal(() -> admin.messaging().sendMail(SendMailRequest.newBuilder().setSubject("x").addLogins(4242).build())).retCode())
			.isEqualTo(3);
		assertThat(refusal(() -> admin.messaging().sendMail(SendMailRequest.newBuilder().addLogins(1001).build())).retCode()).isEqualTo(3);
	}

	@Test
	void newsArePublishedWithTopicsAndBodies() {
		var topic = admin.messaging().sendNews(SendNewsRequest.newBuilder().setTopic("ECB holds rates").setCategory("Macro")
			.setBody("The ECB kept its rates unchanged.").setHighPriority(true).build());

		assertThat(admin.messaging().getNews(GetNewsRequest.getDefaultInstance()).getNewsList()).singleElement().satisfies(n -> {
			assertThat(n.getTopic()).isEqualTo("ECB holds rates");
			assertThat(n.getPriority()).isEqualTo(1);
		});
		assertThat(admin.messaging().getNewsBody(NewsKey.newBuilder().setKey(topic.getKey()).build()).getBody())
			.isEqualTo("The ECB kept its rates unchanged.");
		assertThat(refusal(() -> admin.messaging().getNewsBody(NewsKey.newBuilder().setKey(99).build())).retCode()).isEqualTo(3);
		assertThat(refusal(() -> admin.messaging().sendNews(SendNewsRequest.getDefaultInstance())).retCode()).isEqualTo(3);
	}

	@Test
	void mailAndNewsNeedTheirRights() {
		var dealer = gateway.dealer();

		assertThat(refusal(() -> dealer.messaging().sendMail(SendMailRequest.newBuilder().setSubject("x").addLogins(1001).build())).retCode())
			.isEqualTo(7);
		assertThat(refusal(() -> dealer.messaging().getMails(GetMailsRequest.getDefaultInstance())).retCode()).isEqualTo(7);
		assertThat(refusal(() -> dealer.messaging().sendNews(SendNewsRequest.newBuilder().setTopic("x").build())).retCode()).isEqualTo(7);
		assertThat(dealer.messaging().getNews(GetNewsRequest.getDefaultInstance()).getNewsList()).isEmpty();
	}
}
