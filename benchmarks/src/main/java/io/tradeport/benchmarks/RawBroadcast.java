package io.tradeport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The baseline of {@code bench/realtime}: a raw WebSocket broadcast on the same container as the cloud (embedded
 * Tomcat 11, Jakarta WebSocket), nothing else. Clients connect to {@code /ws}; one feeder connects to {@code /feed}
 * and every text it sends is written, unchanged, to every client, one after the other on the feeder's thread
 * (blocking sends: the simplest broadcast there is). So that the hub's client code measures it unchanged, a client's
 * SignalR handshake is answered with {@code {}} and an invocation with an id with a void completion, after which the
 * client receives the broadcasts; anything else it sends (pings) is ignored.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tradeport.benchmarks.RawBroadcast [port, default: any free one, printed]}
 */
public final class RawBroadcast {

	private static final char RS = '\u001e';
	private static final Set<Session> clients = ConcurrentHashMap.newKeySet();

	public static final class Client extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.addMessageHandler(new MessageHandler.Whole<String>() {
				@Override
				public void onMessage(String text) {
					try {
						if (text.contains("\"protocol\"")) {
							session.getBasicRemote().sendText("{}" + RS);
						}
						else if (text.contains("\"invocationId\"") && !clients.contains(session)) {
							var id = text.replaceAll("(?s).*\"invocationId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
							session.getBasicRemote().sendText("{\"type\":3,\"invocationId\":\"" + id + "\",\"result\":null}" + RS);
							clients.add(session);
						}
					}
					catch (IOException e) {
						clients.remove(session);
					}
				}
			});
		}

		@Override
		public void onClose(Session session, CloseReason reason) {
			clients.remove(session);
		}

		@Override
		public void onError(Session session, Throwable error) {
			clients.remove(session);
		}
	}

	public static final class Feed extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.addMessageHandler(new MessageHandler.Whole<String>() {
				@Override
				public void onMessage(String text) {
					for (var client : clients) {
						try {
							client.getBasicRemote().sendText(text);
						}
						catch (IOException | RuntimeException e) {
							clients.remove(client);
						}
					}
				}
			});
		}
	}

	public static void main(String[] args) throws Exception {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
		var tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("raw-broadcast").toString());
		tomcat.setPort(port);
		tomcat.getConnector().setProperty("address", "127.0.0.1");
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "default", new HttpServlet() {
		});
		context.addServletMappingDecoded("/", "default");
		context.addServletContainerInitializer(new WsSci(), null);
		context.addServletContainerInitializer((classes, servletContext) -> {
			var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
			try {
				container.addEndpoint(ServerEndpointConfig.Builder.create(Client.class, "/ws").build());
				container.addEndpoint(ServerEndpointConfig.Builder.create(Feed.class, "/feed").build());
			}
			catch (jakarta.websocket.DeploymentException e) {
				throw new IllegalStateException(e);
			}
		}, null);
		tomcat.start();
		if (!context.getState().isAvailable()) {
			System.err.println("raw broadcast did not start");
			System.exit(1);
		}
		System.out.println("raw broadcast listening on 127.0.0.1:" + tomcat.getConnector().getLocalPort());
		tomcat.getServer().await();
	}

	private RawBroadcast() {
	}
}
