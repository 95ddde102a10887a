package io.tradeport.tradeserver.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * File formats of the stores' own records, which have no protocol message that can hold them
 * (the protocol never carries password hashes). Each record starts with a format version so a
 * later release can read older files.
 */
final class Records {

	private static final int VERSION = 1;

	private Records() {
	}

	private interface Writer<T> {
		void write(T value, DataOutputStream out) throws IOException;
	}

	private interface Reader<T> {
		T read(DataInputStream in) throws IOException;
	}

	private static <T> Codec<T> codec(String kind, Writer<T> writer, Reader<T> reader) {
		return new Codec<>() {
			@Override
			public byte[] encode(T value) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				try (DataOutputStream out = new DataOutputStream(bytes)) {
					out.writeInt(VERSION);
					writer.write(value, out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return bytes.toByteArray();
			}

			@Override
			public T decode(byte[] bytes) throws IOException {
				try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
					int version = in.readInt();
					if (version != VERSION) {
						throw new IOException(kind + " record of unknown format version " + version);
					}
					return reader.read(in);
				}
			}
		};
	}

	static final Codec<ManagerAccount> MANAGER = codec("manager", (m, out) -> {
		out.writeInt(m.login());
		string(out, m.name());
		string(out, m.passwordHash());
		string(out, m.groups());
		string(out, m.mailbox());
		out.writeInt(m.infoDepth());
		// By name: a right added to the enum later must not shift the stored ones.
		out.writeInt(m.rights().size());
		for (ManagerRight right : m.rights()) {
			string(out, right.name());
		}
	}, in -> {
		int login = in.readInt();
		String name = string(in);
		String hash = string(in);
		String groups = string(in);
		String mailbox = string(in);
		int infoDepth = in.readInt();
		EnumSet<ManagerRight> rights = EnumSet.noneOf(ManagerRight.class);
		for (int i = in.readInt(); i > 0; i--) {
			rights.add(ManagerRight.valueOf(string(in)));
		}
		return new ManagerAccount(login, name, hash, groups, mailbox, infoDepth, rights);
	});

	static final Codec<Plugin> PLUGIN = codec("plugin", (p, out) -> {
		string(out, p.file());
		string(out, p.name());
		out.writeInt(p.version());
		string(out, p.copyright());
		out.writeBoolean(p.enabled());
		out.writeBoolean(p.configurable());
		out.writeBoolean(p.managerAccess());
		out.writeInt(p.params().size());
		for (Plugin.Param param : p.params()) {
			string(out, param.name());
			string(out, param.value());
		}
	}, in -> {
		String file = string(in);
		String name = string(in);
		int version = in.readInt();
		String copyright = string(in);
		boolean enabled = in.readBoolean();
		boolean configurable = in.readBoolean();
		boolean managerAccess = in.readBoolean();
		List<Plugin.Param> params = new ArrayList<>();
		for (int i = in.readInt(); i > 0; i--) {
			params.add(new Plugin.Param(string(in), string(in)));
		}
		return new Plugin(file, name, version, copyright, enabled, configurable, managerAccess, params);
	});

	static final Codec<UserDetails> USER = codec("user", (u, out) -> {
		out.writeInt(u.login());
		for (String field : List.of(u.name(), u.email(), u.phone(), u.country(), u.city(), u.state(), u.zipCode(),
				u.address(), u.comment(), u.externalId(), u.status(), u.leadSource())) {
			string(out, field);
		}
		out.writeInt(u.agentAccount());
		out.writeBoolean(u.sendReports());
		out.writeBoolean(u.enableChangePassword());
		string(out, u.passwordHash());
		nullableString(out, u.investorPasswordHash());
		instant(out, u.registered());
		instant(out, u.lastChange());
	}, in -> new UserDetails(in.readInt(), string(in), string(in), string(in), string(in), string(in), string(in),
			string(in), string(in), string(in), string(in), string(in), string(in), in.readInt(), in.readBoolean(),
			in.readBoolean(), string(in), nullableString(in), instant(in), instant(in)));

	static final Codec<Mailbox.Mail> MAIL = codec("mail", (m, out) -> {
		out.writeLong(m.id());
		instant(out, m.time());
		out.writeInt(m.senderLogin());
		string(out, m.senderName());
		string(out, m.subject());
		string(out, m.body());
		out.writeInt(m.logins().size());
		for (int login : m.logins()) {
			out.writeInt(login);
		}
	}, in -> {
		long id = in.readLong();
		Instant time = instant(in);
		int sender = in.readInt();
		String senderName = string(in);
		String subject = string(in);
		String body = string(in);
		List<Integer> logins = new ArrayList<>();
		for (int i = in.readInt(); i > 0; i--) {
			logins.add(in.readInt());
		}
		return new Mailbox.Mail(id, time, sender, senderName, subject, body, logins);
	});

	static final Codec<Newsroom.News> NEWS = codec("news", (n, out) -> {
		out.writeInt(n.key());
		instant(out, n.time());
		string(out, n.topic());
		string(out, n.category());
		string(out, n.keywords());
		out.writeInt(n.priority());
		string(out, n.body());
	}, in -> new Newsroom.News(in.readInt(), instant(in), string(in), string(in), string(in), in.readInt(), string(in)));

	/** A backup's header and records, the records in their own codec. */
	static <T> Codec<Backups.Backup<T>> backup(Codec<T> records) {
		return codec("backup", (b, out) -> {
			string(out, b.file());
			instant(out, b.time());
			out.writeLong(b.size());
			byte[] list = StoreDir.encodeList(b.records(), records);
			out.writeInt(list.length);
			out.write(list);
		}, in -> new Backups.Backup<>(string(in), instant(in), in.readLong(),
				StoreDir.decodeList(in.readNBytes(in.readInt()), records)));
	}

	// Not writeUTF: it is limited to 64 KB, and mail or news bodies may be longer.
	private static void string(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String string(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("string of " + length + " bytes in a record of " + in.available());
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	private static void nullableString(DataOutputStream out, @Nullable String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			string(out, value);
		}
	}

	private static @Nullable String nullableString(DataInputStream in) throws IOException {
		return in.readBoolean() ? string(in) : null;
	}

	private static void instant(DataOutputStream out, Instant time) throws IOException {
		out.writeLong(time.getEpochSecond());
		out.writeInt(time.getNano());
	}

	private static Instant instant(DataInputStream in) throws IOException {
		return Instant.ofEpochSecond(in.readLong(), in.readInt());
	}
}
