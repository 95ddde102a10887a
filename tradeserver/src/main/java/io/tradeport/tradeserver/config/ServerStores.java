package io.tradeport.tradeserver.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The server-side stores of one server, in memory or in a directory (the data directory's
 * {@code stores}). {@link #open} loads what an earlier run stored; from then on every change is
 * on disk before the store method returns, so before the gateway acknowledges it. Opening only
 * reads: the caller opens the stores before it takes the data directory's lock (the engine's
 * journal), and nothing writes before that lock is held.
 *
 * <p>Layout: one file per configuration section ({@code NAME.section}, the whole ordered list),
 * one per client account ({@code users/LOGIN.user}), per mail ({@code mail/ID.mail}), per news item
 * ({@code news/KEY.news}) and per backup ({@code backups/NAME.bak}). So no change rewrites more than
 * one small section or one record, and mail, news and backups only ever add files.
 */
public final class ServerStores {

	/** Written once the first start has seeded the stores; its absence means "new". */
	private static final String SEEDED = "seeded";

	private final StoreDir root;
	private final boolean isNew;
	private final ServerConfig config;
	private final UserDirectory users;
	private final Mailbox mailbox;
	private final Newsroom news;

	private ServerStores(StoreDir root) {
		this.root = root;
		this.isNew = !root.exists(SEEDED);
		this.config = new ServerConfig(list("managers", ManagerAccount::key, Records.MANAGER, List.of()),
				list("plugins", Plugin::file, Records.PLUGIN, ServerConfig.builtInPlugins(), ServerStores::withBuiltIns));
		this.users = new UserDirectory(root.sub("users"));
		this.mailbox = new Mailbox(root.sub("mail"));
		this.news = new Newsroom(root.sub("news"));
	}

	/** Stores that live as long as the process: a server without a data directory. */
	public static ServerStores inMemory() {
		return new ServerStores(StoreDir.memory());
	}

	/**
	 * Loads the stores kept in {@code directory} (none yet when it does not exist).
	 *
	 * @throws java.io.UncheckedIOException when a store file cannot be read or fails its checksum
	 */
	public static ServerStores open(Path directory) {
		return new ServerStores(StoreDir.at(directory));
	}

	/** True until {@link #seeded()}: in memory, or a directory whose first start has not finished seeding. */
	public boolean isNew() {
		return isNew;
	}

	/**
	 * Marks the stores as seeded: later starts load them and must not seed again. Written after the
	 * seeding, so a crash during it seeds again on the next start instead of leaving half a demo.
	 */
	public void seeded() {
		root.write(SEEDED, new byte[0]);
	}

	public ServerConfig config() {
		return config;
	}

	public UserDirectory users() {
		return users;
	}

	public Mailbox mailbox() {
		return mailbox;
	}

	public Newsroom news() {
		return news;
	}

	/** A configuration section: the stored records, or {@code initial} when none are stored yet. */
	public <T> ConfigList<T> list(String name, @Nullable Function<T, String> key, Codec<T> codec, List<T> initial) {
		return list(name, key, codec, initial, stored -> stored);
	}

	private <T> ConfigList<T> list(String name, @Nullable Function<T, String> key, Codec<T> codec, List<T> initial,
			Function<List<T>, List<T>> complete) {
		String file = name + ".section";
		List<T> records = root.readList(file, codec).map(complete).orElse(initial);
		return new ConfigList<>(key, records, next -> root.writeList(file, next, codec));
	}

	/** A single-record section: the stored record, or {@code initial} when none is stored yet. */
	public <T> ConfigValue<T> value(String name, Codec<T> codec, T initial) {
		String file = name + ".section";
		return new ConfigValue<>(root.readValue(file, codec).orElse(initial), next -> root.write(file, codec.encode(next)));
	}

	/** Full backups of one kind, named {@code PREFIX-yyyyMMdd-HHmmss-N.bak}, at most {@code keep}. */
	public <T> Backups<T> backups(String prefix, int keep, Codec<T> codec) {
		return new Backups<>(prefix, keep, root.sub("backups"), root.isPersistent() ? Records.backup(codec) : null);
	}

	/** Built-in plugins added by a later release appear with their defaults; stored ones keep their parameters. */
	private static List<Plugin> withBuiltIns(List<Plugin> stored) {
		List<Plugin> plugins = new ArrayList<>(stored);
		for (Plugin builtIn : ServerConfig.builtInPlugins()) {
			if (plugins.stream().noneMatch(p -> p.file().equals(builtIn.file()))) {
				plugins.add(builtIn);
			}
		}
		return plugins;
	}
}
