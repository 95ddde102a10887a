package io.tradeport.tradeserver.gateway;

import io.grpc.stub.StreamObserver;
import io.tradeport.gateway.v1.GetMailsRequest;
import io.tradeport.gateway.v1.GetNewsRequest;
import io.tradeport.gateway.v1.Mail;
import io.tradeport.gateway.v1.MailList;
import io.tradeport.gateway.v1.MessagingGrpc;
import io.tradeport.gateway.v1.NewsBody;
import io.tradeport.gateway.v1.NewsKey;
import io.tradeport.gateway.v1.NewsList;
import io.tradeport.gateway.v1.NewsTopic;
import io.tradeport.gateway.v1.SendMailReply;
import io.tradeport.gateway.v1.SendMailRequest;
import io.tradeport.gateway.v1.SendNewsRequest;
import io.tradeport.tradeserver.config.Journal;
import io.tradeport.tradeserver.config.Mailbox;
import io.tradeport.tradeserver.config.ManagerAccount;
import io.tradeport.tradeserver.config.ManagerRight;
import io.tradeport.tradeserver.config.Newsroom;
import io.tradeport.tradeserver.engine.Login;

/** Internal mail ("email" right) and news ("news" right). */
final class MessagingService extends MessagingGrpc.MessagingImplBase {

	private final ServerContext context;

	MessagingService(ServerContext context) {
		this.context = context;
	}

	@Override
	public void sendMail(SendMailRequest request, StreamObserver<SendMailReply> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.EMAIL);
			if (request.getLoginsCount() == 0 || request.getSubject().isBlank()) {
				throw MtException.of(Ret.INVALID_DATA, "a mail needs recipients and a subject");
			}
			GroupMask mine = GroupMask.parse(manager.groups());
			for (int login : request.getLoginsList()) {
				boolean visible = login > 0 && context.call(e -> e.account(Login.of(login)))
					.filter(a -> mine.matches(a.group())).isPresent();
				if (!visible) {
					throw MtException.notFound("no account " + login);
				}
			}
			int sender = request.getSenderLogin() == 0 ? manager.login() : request.getSenderLogin();
			String name = request.getSenderName().isBlank() ? manager.name() : request.getSenderName();
			Mailbox.Mail mail = context.mailbox.send(context.clock.instant(), sender, name, request.getSubject(),
					request.getBody(), request.getLoginsList());
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': mail '" + request.getSubject() + "' sent to " + request.getLoginsCount() + " accounts");
			return SendMailReply.newBuilder().setId(mail.id()).build();
		});
	}

	@Override
	public void getMails(GetMailsRequest request, StreamObserver<MailList> out) {
		Calls.unary(out, () -> {
			context.sessions.require(ManagerRight.EMAIL);
			MailList.Builder list = MailList.newBuilder();
			for (Mailbox.Mail m : context.mailbox.read(request.getLogin())) {
				list.addMails(Mail.newBuilder().setId(m.id()).setTime(m.time().toEpochMilli()).setSenderLogin(m.senderLogin())
					.setSenderName(m.senderName()).setSubject(m.subject()).setBody(m.body()).addAllLogins(m.logins()));
			}
			return list.build();
		});
	}

	@Override
	public void sendNews(SendNewsRequest request, StreamObserver<NewsTopic> out) {
		Calls.unary(out, () -> {
			ManagerAccount manager = context.sessions.require(ManagerRight.NEWS);
			if (request.getTopic().isBlank()) {
				throw MtException.of(Ret.INVALID_DATA, "news need a topic");
			}
			Newsroom.News news = context.news.publish(context.clock.instant(), request.getTopic(), request.getCategory(),
					request.getKeywords(), request.getHighPriority(), request.getBody());
			context.journal.write(Journal.Type.STANDARD, Sessions.remoteAddress(),
					"'" + manager.login() + "': news '" + request.getTopic() + "' published");
			return topic(news);
		});
	}

	@Override
	public void getNews(GetNewsRequest request, StreamObserver<NewsList> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			NewsList.Builder list = NewsList.newBuilder();
			context.news.all().forEach(n -> list.addNews(topic(n)));
			return list.build();
		});
	}

	@Override
	public void getNewsBody(NewsKey request, StreamObserver<NewsBody> out) {
		Calls.unary(out, () -> {
			context.sessions.manager();
			Newsroom.News news = context.news.get(request.getKey()).orElseThrow(() -> MtException.notFound("no news " + request.getKey()));
			return NewsBody.newBuilder().setKey(news.key()).setBody(news.body()).build();
		});
	}

	private static NewsTopic topic(Newsroom.News n) {
		return NewsTopic.newBuilder().setKey(n.key()).setTime(n.time().toEpochMilli()).setTopic(n.topic())
			.setCategory(n.category()).setKeywords(n.keywords()).setPriority(n.priority()).build();
	}
}
