package io.tradeport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

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
 * and every text it sends is queued, unchanged, for every client. Each client has one writer (a virtual thread)
 * that sends whatever queued meanwhile in one frame: the same shape as the hub's send path (one writer per
 * connection, batching), without SignalR, JSON or groups, so the comparison isolates what the hub adds. (A first
 * version wrote to every client in turn on the feeder's thread; it saturated at about 110,000 messages/s and made
 * the hub look better than it is.) So that the hub's client code measures it unchanged, a client's
 * SignalR handshake is answered with {@code {}} and an invocation with an id with a void completion, after which the
 * client receives the broadcasts; anything else it sends (pings) is ignored.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.tradeport.benchmarks.RawBroadcast [port, default: any free one, printed]}
 */
public final class RawBroadcast {

	private static final char RS = '\u001e';
	private static final Map<Session, LinkedBlockingQueue<String>> clients = new ConcurrentHashMap<>();

	public static final class Client extends Endpoint {

		@Override
		public void onOpen(Session session, EndpointConfig config) {
			session.addMessageHandler(new MessageHandler.Whole<String>() {
				@Override
				public void onMessage(String text) {
					try {
						// The handshake and the subscription may arrive in one message.
						if (text.contains("\"protocol\"")) {
							session.getBasicRemote().sendText("{}" + RS);
						}
						if (text.contains("\"invocationId\"") && !clients.containsKey(session)) {
							var id = text.replaceAll("(?s).*\"invocationId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
							session.getBasicRemote().sendText("{\"type\":3,\"invocationId\":\"" + id + "\",\"result\":null}" + RS);
							var queue = new LinkedBlockingQueue<String>();
							clients.put(session, queue);
							Thread.ofVirtual().start(() -> write(session, queue));
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
					for (var queue : clients.values()) {
						queue.offer(text);
					}
				}
			});
		}
	}

	private static void write(Session session, LinkedBlockingQueue<String> queue) {
		try {
			while (session.isOpen()) {
				var frame = new StringBuilder(queue.take());
				for (var next = queue.poll(); next != null; next = queue.poll()) {
					frame.append(next);
				}
				session.getBasicRemote().sendText(frame.toString());
			}
		}
		catch (IOException | RuntimeException e) {
			clients.remove(session);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
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
